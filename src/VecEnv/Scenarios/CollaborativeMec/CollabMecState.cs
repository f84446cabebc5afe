using GpuTwin.Kernels.Memory;
using ILGPU;

namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec;

/// <summary>
/// The whole device state of a collab-mec batch as structure-of-arrays views, named as the spec's §4 tables and
/// passed by value to every kernel. Per-BS fields are [E, NMax], per-link [E, NMax, NMax], per-device
/// [E, NMax, UMax] with flat device index q = i·UMax + j; device slots with DevActive = 0 stay zero.
/// </summary>
public struct CollabMecState
{
    // Sizes and run constants.
    public int NumEnvs, NMax, UMax, ParamCount, CounterCount;
    /// <summary>Features per device slot (8, or 12 with ObsExtras) and the observation sizes.</summary>
    public int SlotFeatures, CentralObsSize, BsObsSize;
    /// <summary>N with AgentIdInObs (the one-hot at the end of each per-bs observation), else 0.</summary>
    public int AgentIdWidth;
    public ulong Seed;

    // Configuration arrays (spec §4; written at construction from the parameter grid).
    public FieldView<float> Params;          // [E, ParamCount]
    public FieldView<byte> BsActive;         // [E, N]
    public FieldView<byte> DevActive;        // [E, N, U]
    public FieldView<float> CpuHz;           // [E, N] F_i cycles/s
    public FieldView<float> WiredBps;        // [E, N, N] C_{i,b} bit/s, 0 = no link, diagonal unused
    public FieldView<float> BandwidthHz;     // [E] B
    public FieldView<float> NoisePsd;        // [E] N0 W/Hz
    public FieldView<float> GainMean;        // [E] h̄
    public FieldView<float> GainScale;       // [E] σ
    public FieldView<float> HarvestScale;    // [E] ρ
    public FieldView<float> SizeScale;       // [E] χ
    public FieldView<float> DeadlineScale;   // [E] ψ
    public FieldView<float> AwardScale;      // [E, N] ξ_i
    public FieldView<float> DensityScale;    // [E, N] ζ_i
    public FieldView<float> P_lo, P_hi;      // [E] W
    public FieldView<float> BatteryInitMax;  // [E] J
    public FieldView<float> BatteryCap;      // [E] J (1e30 = none)
    public FieldView<int> EpisodeLen;        // [E] T_ep slots (0 = continuing)
    public FieldView<int> CpuMode;           // [E] Refinement.CpuMode
    public FieldView<int> CpuDropRule;       // [E] Refinement.CpuDropRule

    // Device state (the physical state, mirrored exactly by the DT).
    public FieldView<float> TxPowerW;        // [E, N, U] p
    public FieldView<float> BatteryJ;        // [E, N, U] Q^E(t)
    public FieldView<float> SizeBits;        // [E, N, U] z
    public FieldView<float> CyclesPerBit;    // [E, N, U] v
    public FieldView<float> DeadlineS;       // [E, N, U] δ
    public FieldView<float> Award;           // [E, N, U] g
    public FieldView<float> Gain;            // [E, N, U] h
    public FieldView<float> HarvestJ;        // [E, N, U] e
    public FieldView<float> Rate0Bps;        // [E, N, U] ν⁰ (interference-free)

    // Clock.
    public FieldView<int> Slot;              // [E] t within the episode
    public FieldView<int> EpisodeIndex;      // [E]
    public FieldView<float> EpisodeIncome;   // [E] Σ r so far in the episode

    // Decoder and physics intermediates (written every step).
    public FieldView<byte> NnOffload;        // [E, N, U] x' after D1
    public FieldView<sbyte> Target;          // [E, N, U] processing BS b, −1 = not offloaded
    public FieldView<byte> EnergyOk;         // [E, N, U] x'' after D2
    public FieldView<float> DemandHz;        // [E, N, U] l (1e30 if infeasible)
    public FieldView<float> Priority;        // [E, N, U] ϱ = g/l
    public FieldView<byte> Offload;          // [E, N, U] final x
    public FieldView<float> AllocHz;         // [E, N, U] final f
    public FieldView<float> CellRxPowerW;    // [E, N] S_i of the final set
    public FieldView<float> BsDemandHz;      // [E, N] L_b = Σ l kept at b
    public FieldView<float> BsWeight;        // [E, N] W_b = Σ w kept at b
    public FieldView<float> DecoderCounters; // [E, RefinementCounters.Count]
    public FieldView<float> RateBps;         // [E, N, U] ν (R2)
    public FieldView<float> DelayS;          // [E, N, U] d = d_w + d_c + d_m
    public FieldView<byte> Completed;        // [E, N, U]
    public FieldView<float> UploadEnergyJ;   // [E, N, U] x·p·d_w

    // Actions, masks, observations and outputs.
    public FieldView<float> Proto;           // [E, N, U, N + 2] â = [x̂, ŷ_0..ŷ_{N−1}, ŵ] per device slot
    public FieldView<byte> ActionMask;       // [E, N, U, N + 2]
    public FieldView<float> CentralObs;      // [E, CentralObsSize] (also the global state)
    public FieldView<float> BsObs;           // [E, N, BsObsSize] (per-bs view)
    public FieldView<float> FinalObs;        // the group observation of envs truncated this step
    public FieldView<float> FinalCentralObs; // [E, CentralObsSize] the final global state
    public FieldView<float> Reward;          // [E] income r(t)
    public FieldView<float> HomeIncome;      // [E, N] Σ_j g·Completed of BS i's own devices
    public FieldView<float> AgentReward;     // [E, N] per-bs agent reward (shared income or home income)
    public FieldView<byte> Truncated;        // [E]
    public FieldView<byte> Terminated;       // [E] always 0
    public FieldView<float> StepCounters;    // [E, CounterCount]
    public FieldView<double> CounterTotals;  // [E, CounterCount]

    #region Index helpers

    public readonly float P(int env, int parameter) => Params[env * ParamCount + parameter];
    public readonly int Bs(int env, int i) => env * NMax + i;
    public readonly int Link(int env, int i, int b) => (env * NMax + i) * NMax + b;
    public readonly int Dev(int env, int i, int j) => (env * NMax + i) * UMax + j;
    public readonly int DevicesPerEnv => NMax * UMax;
    public readonly int ProtoWidth => NMax + 2;

    #endregion

    /// <summary>The decoder's view of this state: the same buffers, field for field.</summary>
    public readonly Refinement.RefinementViews RefinementViews => new()
    {
        N = NMax, UMax = UMax,
        BsActive = BsActive, DevActive = DevActive, CpuHz = CpuHz, WiredBps = WiredBps, BandwidthHz = BandwidthHz, NoisePsd = NoisePsd,
        CpuMode = CpuMode, CpuDropRule = CpuDropRule,
        TxPowerW = TxPowerW, BatteryJ = BatteryJ, SizeBits = SizeBits, CyclesPerBit = CyclesPerBit, DeadlineS = DeadlineS,
        Award = Award, Gain = Gain,
        NnOffload = NnOffload, Target = Target, EnergyOk = EnergyOk, DemandHz = DemandHz, Priority = Priority, Offload = Offload,
        AllocHz = AllocHz, CellRxPowerW = CellRxPowerW, RateBps = RateBps, BsDemandHz = BsDemandHz, BsWeight = BsWeight,
        Counters = DecoderCounters,
    };
}
