using GpuTwin.Kernels.Memory;
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
    public FieldView<float> Params;          // [E, ParamCount]
    public FieldView<float> ServerPos;       // [E, K, 2] m
    public FieldView<byte> UserActive;       // [E, U]
    public FieldView<byte> TaskActive;       // [E, U, J]
    public FieldView<byte> ServerActive;     // [E, K]
    public FieldView<float> UserPosX, UserPosY; // [E, U] m
    public FieldView<float> Dist;            // [E, U, K] m, ≥ d0
    public FieldView<float> MeanGainOverN0;  // [E, U, K] Hz: ρ = P^tr·σ²·10^(−PL/10)/N0
    public FieldView<float> TxPowerW;        // [E, U] P^tr_i
    public FieldView<float> CapJ;            // [E, U] Cap_i

    // Tasks of the current step.
    public FieldView<float> DataBits;        // [E, U, J] D
    public FieldView<float> Cycles;          // [E, U, J] C
    public FieldView<int> Priority;          // [E, U, J] P ∈ {1..L_P}
    public FieldView<float> PrioWeight;      // [E, U, J] w = c·exp(α(P − μ))

    // Dynamic device state.
    public FieldView<float> EnergyLeftJ;     // [E, U] R_i ≥ 0
    public FieldView<int> Step;              // [E] t within the episode
    public FieldView<int> EpisodeIndex;      // [E]
    public FieldView<float> EpisodeReturn;   // [E] Σ r_t so far

    // Per-step results.
    public FieldView<int> Target;            // [E, U, J] executed s
    public FieldView<float> CpuHz;           // [E, U, J] f granted
    public FieldView<float> BwHz;            // [E, U, J] b granted (0 if local)
    public FieldView<float> RateBps;         // [E, U, J] (expected) rate, 0 if local
    public FieldView<float> DelayS;          // [E, U, J] T
    public FieldView<float> EnergyJ;         // [E, U, J] E
    public FieldView<float> TaskReward;      // [E, U, J] r_{t,i,j}
    public FieldView<float> LocalCpuDemand;  // [E, U] S^loc_i
    public FieldView<float> LocalTasks;      // [E, U] tasks run locally
    public FieldView<float> ServerLoadTasks; // [E, K]
    public FieldView<float> ServerCpuDemand; // [E, K] S^f_k
    public FieldView<float> ServerBwDemand;  // [E, K] S^b_k

    // Actions (env-owned, written by policies) and the action mask.
    public FieldView<int> TargetAction;      // [E, U, J] s ∈ {0 = local, 1..N^m}
    public FieldView<float> ShareAction;     // [E, U, J, 2] (x^f, x^b)
    public FieldView<byte> ActionMask;       // [E, U, 3J]: targets, then (x^f, x^b) per task

    // Observations and outputs.
    public FieldView<float> Obs;             // [E, U, ObsSize] o (eq. 14)
    public FieldView<float> CorrectedObs;    // [E, U, CorrectedObsSize] ô
    public FieldView<float> FinalObs;        // [E, U, ObsSize] o_{t+1} of envs done this step
    public FieldView<float> Global;          // [E, GlobalSize] ŝ
    public FieldView<float> FinalGlobal;     // [E, GlobalSize]
    public FieldView<float> RewardAgent;     // [E, U] r_{t,i}
    public FieldView<float> RewardSystem;    // [E] r_t
    public FieldView<byte> Truncated;        // [E]
    public FieldView<byte> Terminated;       // [E]
    public FieldView<float> StepCounters;    // [E, CounterCount]
    public FieldView<double> CounterTotals;  // [E, CounterCount]

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
