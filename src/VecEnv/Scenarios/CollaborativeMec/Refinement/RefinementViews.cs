using GpuTwin.Kernels.Memory;
using ILGPU;

namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement;

/// <summary>
/// Every field Algorithm 1 (spec §6 S3, D1–D5) reads and writes, as structure-of-arrays views named after
/// the spec §4 tables, passed by value to the decoder kernels. Device slot (i, j) of env e is
/// d = (e·N + i)·UMax + j, i.e. e·N·UMax + q with the flat index q = i·UMax + j; BS b of env e is e·N + b;
/// the wired link i→b is (e·N + i)·N + b. Padded device slots (DevActive = 0) are never offloaded.
/// </summary>
public struct RefinementViews
{
    /// <summary>BSs per env (N_max) and device slots per BS (U_max).</summary>
    public int N, UMax;

    // Configuration.
    public FieldView<byte> BsActive;       // [E, N]
    public FieldView<byte> DevActive;      // [E, N, U]
    public FieldView<float> CpuHz;         // [E, N] F_b, cycles/s
    public FieldView<float> WiredBps;      // [E, N, N] C_{i,b}, bit/s; 0 = no link; diagonal unused
    public FieldView<float> BandwidthHz;   // [E] B, Hz
    public FieldView<float> NoisePsd;      // [E] N0, W/Hz
    public FieldView<int> CpuMode;         // [E] a CpuMode value
    public FieldView<int> CpuDropRule;     // [E] a CpuDropRule value

    // Device state (the twin's exact view at the start of the slot).
    public FieldView<float> TxPowerW;      // [E, N, U] p, W
    public FieldView<float> BatteryJ;      // [E, N, U] Q^E(t), J
    public FieldView<float> SizeBits;      // [E, N, U] z, bit
    public FieldView<float> CyclesPerBit;  // [E, N, U] v, cycles/bit
    public FieldView<float> DeadlineS;     // [E, N, U] δ, s
    public FieldView<float> Award;         // [E, N, U] g
    public FieldView<float> Gain;          // [E, N, U] h (dimensionless power gain)

    // Decoder outputs and intermediates.
    public FieldView<byte> NnOffload;      // [E, N, U] x' after D1
    public FieldView<sbyte> Target;        // [E, N, U] processing BS b, or −1 when not offloaded (final after Decode)
    public FieldView<byte> EnergyOk;       // [E, N, U] x'' after D2
    public FieldView<float> DemandHz;      // [E, N, U] l (eq. 18) from R1; L_INF when the deadline cannot be met; 0 if x'' = 0
    public FieldView<float> Priority;      // [E, N, U] ϱ = g/l, 1/(cycles/s); 0 if infeasible or x'' = 0
    public FieldView<byte> Offload;        // [E, N, U] final x
    public FieldView<float> AllocHz;       // [E, N, U] final f, cycles/s; 0 if x = 0
    public FieldView<float> CellRxPowerW;  // [E, N] S_i of the latest rate stage, W
    public FieldView<float> RateBps;       // [E, N, U] rate of the latest stage (R2 after Decode), bit/s; 0 if not transmitting
    public FieldView<float> BsDemandHz;    // [E, N] L_b = Σ l of the tasks kept at b, cycles/s
    public FieldView<float> BsWeight;      // [E, N] W_b = Σ w of the tasks kept at b
    public FieldView<float> Counters;      // [E, RefinementCounters.Count] this slot's decoder counts

    #region Index helpers

    public readonly int Slots => N * UMax;
    /// <summary>Proto-action values per device slot: [x̂, ŷ_0..ŷ_{N−1}, ŵ].</summary>
    public readonly int ProtoWidth => N + 2;
    public readonly int Dev(int env, int i, int j) => (env * N + i) * UMax + j;
    public readonly int Bs(int env, int b) => env * N + b;
    public readonly int Link(int env, int i, int b) => (env * N + i) * N + b;
    /// <summary>First proto-action value of device slot d.</summary>
    public readonly int Proto(int d) => d * (N + 2);

    /// <summary>True when device slot (i, j) may send its task to BS b (spec §5.3 masks).</summary>
    public readonly bool Allowed(int env, int i, int b) =>
        BsActive[Bs(env, b)] != 0 && (b == i || WiredBps[Link(env, i, b)] > 0f);

    #endregion

    /// <summary>Checks dimensions and view lengths for <paramref name="numEnvs"/> envs; names the first bad field.</summary>
    public readonly void Validate(int numEnvs)
    {
        if (N < 1 || N > RefinementRules.MaxBs)
            throw new ArgumentOutOfRangeException(nameof(N), N, $"RefinementViews.N must be in [1, {RefinementRules.MaxBs}]");
        if (UMax < 1 || N * UMax > (1 << 20))
            throw new ArgumentOutOfRangeException(nameof(UMax), UMax, "RefinementViews.UMax must be ≥ 1 with N·UMax ≤ 2^20");
        if (numEnvs < 0) throw new ArgumentOutOfRangeException(nameof(numEnvs), numEnvs, "numEnvs must be ≥ 0");
        long e = numEnvs, bs = e * N, dev = e * N * UMax;
        Need(BsActive.Length, bs, nameof(BsActive));
        Need(DevActive.Length, dev, nameof(DevActive));
        Need(CpuHz.Length, bs, nameof(CpuHz));
        Need(WiredBps.Length, bs * N, nameof(WiredBps));
        Need(BandwidthHz.Length, e, nameof(BandwidthHz));
        Need(NoisePsd.Length, e, nameof(NoisePsd));
        Need(CpuMode.Length, e, nameof(CpuMode));
        Need(CpuDropRule.Length, e, nameof(CpuDropRule));
        Need(TxPowerW.Length, dev, nameof(TxPowerW));
        Need(BatteryJ.Length, dev, nameof(BatteryJ));
        Need(SizeBits.Length, dev, nameof(SizeBits));
        Need(CyclesPerBit.Length, dev, nameof(CyclesPerBit));
        Need(DeadlineS.Length, dev, nameof(DeadlineS));
        Need(Award.Length, dev, nameof(Award));
        Need(Gain.Length, dev, nameof(Gain));
        Need(NnOffload.Length, dev, nameof(NnOffload));
        Need(Target.Length, dev, nameof(Target));
        Need(EnergyOk.Length, dev, nameof(EnergyOk));
        Need(DemandHz.Length, dev, nameof(DemandHz));
        Need(Priority.Length, dev, nameof(Priority));
        Need(Offload.Length, dev, nameof(Offload));
        Need(AllocHz.Length, dev, nameof(AllocHz));
        Need(CellRxPowerW.Length, bs, nameof(CellRxPowerW));
        Need(RateBps.Length, dev, nameof(RateBps));
        Need(BsDemandHz.Length, bs, nameof(BsDemandHz));
        Need(BsWeight.Length, bs, nameof(BsWeight));
        Need(Counters.Length, e * RefinementCounters.Count, nameof(Counters));
    }

    private static void Need(long have, long need, string field)
    {
        if (have < need)
            throw new ArgumentException($"RefinementViews.{field} holds {have} values; the batch needs at least {need}", field);
    }
}
