using ILGPU;
using static GpuTwin.VecEnv.Scenarios.V2xOffloading.V2xParameters;

namespace GpuTwin.VecEnv.Scenarios.V2xOffloading;

/// <summary>
/// The whole device state of a v2x batch as structure-of-arrays views (spec §4), passed by value to every
/// kernel. Per-vehicle fields are [E, MMax], per-pair fields [E, MMax, NMax], per-ES [E, NMax], wired
/// links [E, NMax, NMax]; vehicles i ≥ M_e and ESs j ≥ N_e of env e are padding (inactive, zero).
/// </summary>
public struct V2xState
{
    // Sizes and run constants.
    public int NumEnvs, MMax, NMax, ParamCount, CounterCount, ObsSize, GlobalSize;
    public ulong Seed;

    // Configuration.
    public ArrayView<float> Params;          // [E, ParamCount]
    public ArrayView<int> RngEnv;            // [E] env index within its sweep cell: the RNG's env coordinate
    public ArrayView<float> EsPos;           // [E, NMax, 2] m
    public ArrayView<float> WiredBps;        // [E, NMax, NMax] ϕ/d_kj (diagonal unused)
    public ArrayView<float> FmaxHz;          // [E, NMax] F_j^max (drawn at reset)
    public ArrayView<float> Rho2;            // [E, MMax] ρ_i² (1 without aging)

    // Mobility.
    public ArrayView<float> PosX, PosY;      // [E, MMax] m
    public ArrayView<float> Heading;         // [E, MMax] rad, unwrapped

    // Clock.
    public ArrayView<int> Slot;              // [E] t within the episode
    public ArrayView<int> EpisodeIndex;      // [E]

    // Per-slot exogenous state.
    public ArrayView<float> TaskBits;        // [E, MMax] D_i
    public ArrayView<float> DistM;           // [E, MMax, NMax] d_ij (unfloored)
    public ArrayView<float> GainLs;          // [E, MMax, NMax] G_ij
    public ArrayView<float> FadeH;           // [E, MMax, NMax] H_ij
    public ArrayView<int> AccessEs;          // [E, MMax] n_i or −1

    // Digital twin.
    public ArrayView<float> DtFremHz;        // [E, NMax]
    public ArrayView<float> DtBremHz;        // [E, NMax]
    public ArrayView<int> DtCursor;          // [E] next vehicle to decide

    // Decisions and outcomes.
    public ArrayView<float> RawAction;       // [E, MMax, 4] the env-owned action buffer u ∈ [−1, 1]⁴
    public ArrayView<int> Target;            // [E, MMax] x_i after feasibility (0 = local)
    public ArrayView<int> UploadEs;          // [E, MMax] k_i (−1 local)
    public ArrayView<float> TxPowerW;        // [E, MMax]
    public ArrayView<float> CpuHz;           // [E, MMax]
    public ArrayView<float> BwHz;            // [E, MMax]
    public ArrayView<byte> NoCoverage;       // [E, MMax]
    public ArrayView<float> RateBps;         // [E, MMax]
    public ArrayView<float> UploadS;         // [E, MMax] T_up
    public ArrayView<float> DelayS;          // [E, MMax] T_i
    public ArrayView<float> EnergyJ;         // [E, MMax]
    public ArrayView<byte> Failed;           // [E, MMax]
    public ArrayView<float> CostI;           // [E, MMax]

    // Observations and outputs.
    public ArrayView<float> Obs;             // [E, MMax, ObsSize] the group observation
    public ArrayView<float> TurnObs;         // [E, MMax, ObsSize] o_i as seen at its own turn
    public ArrayView<byte> Mask;             // [E, MMax, 4]
    public ArrayView<float> Global;          // [E, GlobalSize]
    public ArrayView<float> FinalGlobal;     // [E, GlobalSize]
    public ArrayView<float> Reward;          // [E] training reward (R/c_ref or R)
    public ArrayView<float> RewardRaw;       // [E] R(t)
    public ArrayView<float> RewardI;         // [E, MMax] R_i
    public ArrayView<byte> Truncated;        // [E]
    public ArrayView<byte> Terminated;       // [E]
    public ArrayView<float> StepCounters;    // [E, CounterCount]
    public ArrayView<double> CounterTotals;  // [E, CounterCount]

    #region Index helpers

    public readonly float P(int env, int parameter) => Params[env * ParamCount + parameter];
    public readonly int Vehicles(int env) => (int)P(env, M);
    public readonly int Servers(int env) => (int)P(env, N);
    public readonly int Veh(int env, int i) => env * MMax + i;
    public readonly int Pair(int env, int i, int j) => (env * MMax + i) * NMax + j;
    public readonly int Es(int env, int j) => env * NMax + j;
    public readonly int Link(int env, int from, int to) => (env * NMax + from) * NMax + to;
    public readonly int Action(int env, int i, int c) => (env * MMax + i) * 4 + c;
    public readonly float EsX(int env, int j) => EsPos[(env * NMax + j) * 2];
    public readonly float EsY(int env, int j) => EsPos[(env * NMax + j) * 2 + 1];

    #endregion
}
