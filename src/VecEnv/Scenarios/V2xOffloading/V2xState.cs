using GpuTwin.Kernels.Memory;
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
    public FieldView<float> Params;          // [E, ParamCount]
    public FieldView<int> RngEnv;            // [E] env index within its sweep cell: the RNG's env coordinate
    public FieldView<float> EsPos;           // [E, NMax, 2] m
    public FieldView<float> WiredBps;        // [E, NMax, NMax] ϕ/d_kj (diagonal unused)
    public FieldView<float> FmaxHz;          // [E, NMax] F_j^max (drawn at reset)
    public FieldView<float> Rho2;            // [E, MMax] ρ_i² (1 without aging)

    // Mobility.
    public FieldView<float> PosX, PosY;      // [E, MMax] m
    public FieldView<float> Heading;         // [E, MMax] rad, unwrapped

    // Clock.
    public FieldView<int> Slot;              // [E] t within the episode
    public FieldView<int> EpisodeIndex;      // [E]

    // Per-slot exogenous state.
    public FieldView<float> TaskBits;        // [E, MMax] D_i
    public FieldView<float> DistM;           // [E, MMax, NMax] d_ij (unfloored)
    public FieldView<float> GainLs;          // [E, MMax, NMax] G_ij
    public FieldView<float> FadeH;           // [E, MMax, NMax] H_ij
    public FieldView<int> AccessEs;          // [E, MMax] n_i or −1

    // Digital twin.
    public FieldView<float> DtFremHz;        // [E, NMax]
    public FieldView<float> DtBremHz;        // [E, NMax]
    public FieldView<int> DtCursor;          // [E] next vehicle to decide

    // Decisions and outcomes.
    public FieldView<float> RawAction;       // [E, MMax, 4] the env-owned action buffer u ∈ [−1, 1]⁴
    public FieldView<int> Target;            // [E, MMax] x_i after feasibility (0 = local)
    public FieldView<int> UploadEs;          // [E, MMax] k_i (−1 local)
    public FieldView<float> TxPowerW;        // [E, MMax]
    public FieldView<float> CpuHz;           // [E, MMax]
    public FieldView<float> BwHz;            // [E, MMax]
    public FieldView<byte> NoCoverage;       // [E, MMax]
    public FieldView<float> RateBps;         // [E, MMax]
    public FieldView<float> UploadS;         // [E, MMax] T_up
    public FieldView<float> DelayS;          // [E, MMax] T_i
    public FieldView<float> EnergyJ;         // [E, MMax]
    public FieldView<byte> Failed;           // [E, MMax]
    public FieldView<float> CostI;           // [E, MMax]

    // Observations and outputs.
    public FieldView<float> Obs;             // [E, MMax, ObsSize] the group observation
    public FieldView<float> TurnObs;         // [E, MMax, ObsSize] o_i as seen at its own turn
    public FieldView<byte> Mask;             // [E, MMax, 4]
    public FieldView<float> Global;          // [E, GlobalSize]
    public FieldView<float> FinalGlobal;     // [E, GlobalSize]
    public FieldView<float> Reward;          // [E] training reward (R/c_ref or R)
    public FieldView<float> RewardRaw;       // [E] R(t)
    public FieldView<float> RewardI;         // [E, MMax] R_i
    public FieldView<byte> Truncated;        // [E]
    public FieldView<byte> Terminated;       // [E]
    public FieldView<float> StepCounters;    // [E, CounterCount]
    public FieldView<double> CounterTotals;  // [E, CounterCount]

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
