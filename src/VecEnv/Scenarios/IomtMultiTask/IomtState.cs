using ILGPU;
using static GpuTwin.VecEnv.Scenarios.IomtMultiTask.IomtParameters;

namespace GpuTwin.VecEnv.Scenarios.IomtMultiTask;

/// <summary>
/// The whole device state of an iomt batch as structure-of-arrays views (spec §4), passed by value to every
/// kernel. Per-user fields are [E, UMax], per-task [E, UMax, JMax], per-link [E, UMax, KMax], per-server
/// [E, KMax]; users i ≥ N^u_e, tasks j ≥ N^t_e and servers k ≥ N^m_e of env e are padding and stay zero.
/// </summary>
public struct IomtState
{
    // Sizes and run constants.
    public int NumEnvs, UMax, JMax, KMax, ParamCount, CounterCount;
    public int ObsSize, CorrectedObsSize, GlobalSize;
    /// <summary>Widths of the optional observation extras (0 when no env of the batch enables them).</summary>
    public int ExtraDistances, ExtraSpectralEff, ExtraPrevLoad, ExtraStepPhase;
    public ulong Seed;

    // Configuration (written at Reset(seed), kept across episodes).
    public ArrayView<float> Params;          // [E, ParamCount]
    public ArrayView<float> ServerPos;       // [E, K, 2] m
    public ArrayView<byte> UserActive;       // [E, U]
    public ArrayView<byte> TaskActive;       // [E, U, J]
    public ArrayView<byte> ServerActive;     // [E, K]
    public ArrayView<float> UserPosX, UserPosY; // [E, U] m
    public ArrayView<float> Dist;            // [E, U, K] m, ≥ d0
    public ArrayView<float> MeanGainOverN0;  // [E, U, K] Hz: ρ = P^tr·σ²·10^(−PL/10)/N0
    public ArrayView<float> TxPowerW;        // [E, U] P^tr_i
    public ArrayView<float> CapJ;            // [E, U] Cap_i

    // Tasks of the current step.
    public ArrayView<float> DataBits;        // [E, U, J] D
    public ArrayView<float> Cycles;          // [E, U, J] C
    public ArrayView<int> Priority;          // [E, U, J] P ∈ {1..L_P}
    public ArrayView<float> PrioWeight;      // [E, U, J] w = c·exp(α(P − μ))

    // Dynamic device state.
    public ArrayView<float> EnergyLeftJ;     // [E, U] R_i ≥ 0
    public ArrayView<int> Step;              // [E] t within the episode
    public ArrayView<int> EpisodeIndex;      // [E]
    public ArrayView<float> EpisodeReturn;   // [E] Σ r_t so far

    // Per-step results.
    public ArrayView<int> Target;            // [E, U, J] executed s
    public ArrayView<float> CpuHz;           // [E, U, J] f granted
    public ArrayView<float> BwHz;            // [E, U, J] b granted (0 if local)
    public ArrayView<float> RateBps;         // [E, U, J] (expected) rate, 0 if local
    public ArrayView<float> DelayS;          // [E, U, J] T
    public ArrayView<float> EnergyJ;         // [E, U, J] E
    public ArrayView<float> TaskReward;      // [E, U, J] r_{t,i,j}
    public ArrayView<float> LocalCpuDemand;  // [E, U] S^loc_i
    public ArrayView<float> LocalTasks;      // [E, U] tasks run locally
    public ArrayView<float> ServerLoadTasks; // [E, K]
    public ArrayView<float> ServerCpuDemand; // [E, K] S^f_k
    public ArrayView<float> ServerBwDemand;  // [E, K] S^b_k

    // Actions (env-owned, written by policies) and the action mask.
    public ArrayView<int> TargetAction;      // [E, U, J] s ∈ {0 = local, 1..N^m}
    public ArrayView<float> ShareAction;     // [E, U, J, 2] (x^f, x^b)
    public ArrayView<byte> ActionMask;       // [E, U, 3J]: targets, then (x^f, x^b) per task

    // Observations and outputs.
    public ArrayView<float> Obs;             // [E, U, ObsSize] o (eq. 14)
    public ArrayView<float> CorrectedObs;    // [E, U, CorrectedObsSize] ô
    public ArrayView<float> FinalObs;        // [E, U, ObsSize] o_{t+1} of envs done this step
    public ArrayView<float> Global;          // [E, GlobalSize] ŝ
    public ArrayView<float> FinalGlobal;     // [E, GlobalSize]
    public ArrayView<float> RewardAgent;     // [E, U] r_{t,i}
    public ArrayView<float> RewardSystem;    // [E] r_t
    public ArrayView<byte> Truncated;        // [E]
    public ArrayView<byte> Terminated;       // [E]
    public ArrayView<float> StepCounters;    // [E, CounterCount]
    public ArrayView<double> CounterTotals;  // [E, CounterCount]

    #region Index helpers

    public readonly float P(int env, int parameter) => Params[env * ParamCount + parameter];
    public readonly int Users(int env) => (int)P(env, IomtParameters.Users);
    public readonly int Tasks(int env) => (int)P(env, IomtParameters.Tasks);
    public readonly int Servers(int env) => (int)P(env, IomtParameters.Servers);
    public readonly int User(int env, int i) => env * UMax + i;
    public readonly int Task(int env, int i, int j) => (env * UMax + i) * JMax + j;
    public readonly int Link(int env, int i, int k) => (env * UMax + i) * KMax + k;
    public readonly int Server(int env, int k) => env * KMax + k;
    public readonly float ServerX(int env, int k) => ServerPos[(env * KMax + k) * 2];
    public readonly float ServerY(int env, int k) => ServerPos[(env * KMax + k) * 2 + 1];
    public readonly bool Done(int env) => Terminated[env] != 0 || Truncated[env] != 0;

    #endregion
}
