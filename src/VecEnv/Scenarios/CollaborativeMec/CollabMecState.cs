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
    public ArrayView<float> Params;          // [E, ParamCount]
    public ArrayView<byte> BsActive;         // [E, N]
    public ArrayView<byte> DevActive;        // [E, N, U]
    public ArrayView<float> CpuHz;           // [E, N] F_i cycles/s
    public ArrayView<float> WiredBps;        // [E, N, N] C_{i,b} bit/s, 0 = no link, diagonal unused
    public ArrayView<float> BandwidthHz;     // [E] B
    public ArrayView<float> NoisePsd;        // [E] N0 W/Hz
    public ArrayView<float> GainMean;        // [E] h̄
    public ArrayView<float> GainScale;       // [E] σ
    public ArrayView<float> HarvestScale;    // [E] ρ
    public ArrayView<float> SizeScale;       // [E] χ
    public ArrayView<float> DeadlineScale;   // [E] ψ
    public ArrayView<float> AwardScale;      // [E, N] ξ_i
    public ArrayView<float> DensityScale;    // [E, N] ζ_i
    public ArrayView<float> P_lo, P_hi;      // [E] W
    public ArrayView<float> BatteryInitMax;  // [E] J
    public ArrayView<float> BatteryCap;      // [E] J (1e30 = none)
    public ArrayView<int> EpisodeLen;        // [E] T_ep slots (0 = continuing)
    public ArrayView<int> CpuMode;           // [E] Refinement.CpuMode
    public ArrayView<int> CpuDropRule;       // [E] Refinement.CpuDropRule

    // Device state (the physical state, mirrored exactly by the DT).
    public ArrayView<float> TxPowerW;        // [E, N, U] p
    public ArrayView<float> BatteryJ;        // [E, N, U] Q^E(t)
    public ArrayView<float> SizeBits;        // [E, N, U] z
    public ArrayView<float> CyclesPerBit;    // [E, N, U] v
    public ArrayView<float> DeadlineS;       // [E, N, U] δ
    public ArrayView<float> Award;           // [E, N, U] g
    public ArrayView<float> Gain;            // [E, N, U] h
    public ArrayView<float> HarvestJ;        // [E, N, U] e
    public ArrayView<float> Rate0Bps;        // [E, N, U] ν⁰ (interference-free)

    // Clock.
    public ArrayView<int> Slot;              // [E] t within the episode
    public ArrayView<int> EpisodeIndex;      // [E]
    public ArrayView<float> EpisodeIncome;   // [E] Σ r so far in the episode

    // Decoder and physics intermediates (written every step).
    public ArrayView<byte> NnOffload;        // [E, N, U] x' after D1
    public ArrayView<sbyte> Target;          // [E, N, U] processing BS b, −1 = not offloaded
    public ArrayView<byte> EnergyOk;         // [E, N, U] x'' after D2
    public ArrayView<float> DemandHz;        // [E, N, U] l (1e30 if infeasible)
    public ArrayView<float> Priority;        // [E, N, U] ϱ = g/l
    public ArrayView<byte> Offload;          // [E, N, U] final x
    public ArrayView<float> AllocHz;         // [E, N, U] final f
    public ArrayView<float> CellRxPowerW;    // [E, N] S_i of the final set
    public ArrayView<float> BsDemandHz;      // [E, N] L_b = Σ l kept at b
    public ArrayView<float> BsWeight;        // [E, N] W_b = Σ w kept at b
    public ArrayView<float> DecoderCounters; // [E, RefinementCounters.Count]
    public ArrayView<float> RateBps;         // [E, N, U] ν (R2)
    public ArrayView<float> DelayS;          // [E, N, U] d = d_w + d_c + d_m
    public ArrayView<byte> Completed;        // [E, N, U]
    public ArrayView<float> UploadEnergyJ;   // [E, N, U] x·p·d_w

    // Actions, masks, observations and outputs.
    public ArrayView<float> Proto;           // [E, N, U, N + 2] â = [x̂, ŷ_0..ŷ_{N−1}, ŵ] per device slot
    public ArrayView<byte> ActionMask;       // [E, N, U, N + 2]
    public ArrayView<float> CentralObs;      // [E, CentralObsSize] (also the global state)
    public ArrayView<float> BsObs;           // [E, N, BsObsSize] (per-bs view)
    public ArrayView<float> FinalObs;        // the group observation of envs truncated this step
    public ArrayView<float> FinalCentralObs; // [E, CentralObsSize] the final global state
    public ArrayView<float> Reward;          // [E] income r(t)
    public ArrayView<float> HomeIncome;      // [E, N] Σ_j g·Completed of BS i's own devices
    public ArrayView<float> AgentReward;     // [E, N] per-bs agent reward (shared income or home income)
    public ArrayView<byte> Truncated;        // [E]
    public ArrayView<byte> Terminated;       // [E] always 0
    public ArrayView<float> StepCounters;    // [E, CounterCount]
    public ArrayView<double> CounterTotals;  // [E, CounterCount]

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
