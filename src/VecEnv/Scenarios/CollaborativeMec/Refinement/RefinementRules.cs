using GpuTwin.Kernels.Numerics;
using GpuTwin.Kernels.Radio;

namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement;

/// <summary>
/// The formulas of spec §6 S3 that the decoder kernels, the greedy baselines (§9 G4: "exactly the decoder's
/// expressions") and the env's physics share. Every caller uses these, so the greedy engine's feasibility
/// tests and D2–D4 are bit-identical and the decoder keeps every greedy task (I7).
/// </summary>
public static class RefinementRules
{
    /// <summary>R_MIN, bit/s: a rate at or below it counts as "cannot upload" (no division).</summary>
    public const float RateMinBps = 1e-3f;
    /// <summary>E_BIG, J (and s for an impossible upload delay): finite stand-in for +∞.</summary>
    public const float EnergyBigJ = 1e30f;
    /// <summary>Upload or wired delay of an impossible transfer, s (the spec's E_BIG).</summary>
    public const float DelayBigS = 1e30f;
    /// <summary>L_INF, cycles/s: the demand of a task whose deadline cannot be met.</summary>
    public const float DemandInfHz = 1e30f;
    /// <summary>Floor of the D5 CPU weight, so W_b &gt; 0 whenever a BS keeps a task.</summary>
    public const float WeightMin = 1e-6f;
    /// <summary>Relative deadline tolerance of S6 (absorbs float32 rounding when f = l exactly).</summary>
    public const float DeadlineTolerance = 1e-5f;
    /// <summary>Largest N: the baselines keep their tried-target set in one int bit mask.</summary>
    public const int MaxBs = 30;

    /// <summary>Input guard of S3: clamps to [0, 1]; NaN maps to 0, +∞ to 1.</summary>
    public static float Clamp01(float x) => x >= 0f ? (x <= 1f ? x : 1f) : 0f;

    /// <summary>D5's weight w = clamp(ŵ, 1e−6, 1) (NaN → 1e−6).</summary>
    public static float CpuWeight(float protoWeight) => FMath.Max(Clamp01(protoWeight), WeightMin);

    /// <summary>
    /// R = B·log2(1 + p·h/(B·N0 + I)) with I = max(S − p·h, 0) (eqs. 2, 3: intra-cell interference only), in bit/s.
    /// <paramref name="cellRxW"/> is S_i = Σ x·p·h over the cell's transmitting devices, summed in ascending j.
    /// </summary>
    public static float CellRateBps(float cellRxW, float ownRxW, float bandwidthHz, float noisePsd)
    {
        float interferenceW = Sinr.InterferenceFromTotal(cellRxW, ownRxW);
        return ShannonRate.Bps(bandwidthHz, Sinr.Ratio(ownRxW, interferenceW, bandwidthHz * noisePsd));
    }

    /// <summary>ν⁰ = B·log2(1 + p·h/(B·N0)): the rate of a device transmitting alone in its cell, bit/s.</summary>
    public static float InterferenceFreeRateBps(float txPowerW, float gain, float bandwidthHz, float noisePsd)
    {
        float own = txPowerW * gain;
        return CellRateBps(own, own, bandwidthHz, noisePsd);
    }

    /// <summary>d_w = z/R (eq. 4), or E_BIG when R ≤ R_MIN.</summary>
    public static float UploadDelayS(float sizeBits, float rateBps) => rateBps <= RateMinBps ? DelayBigS : sizeBits / rateBps;

    /// <summary>Upload energy p·z/R (eq. 5), or E_BIG when R ≤ R_MIN. D2's E0 and the greedy energy test.</summary>
    public static float UploadEnergyJ(float txPowerW, float sizeBits, float rateBps) =>
        rateBps <= RateMinBps ? EnergyBigJ : txPowerW * sizeBits / rateBps;

    /// <summary>d_c = z/C_{i,b} for a peer b (eq. 8), 0 at home; E_BIG over a missing link.</summary>
    public static float WiredDelayS(float sizeBits, float wiredBps, int home, int target)
    {
        if (target == home) return 0f;
        return wiredBps > 0f ? sizeBits / wiredBps : DelayBigS;
    }

    /// <summary>
    /// l = z·v/slack with slack = δ − d_w − d_c (eq. 18), capped at L_INF; L_INF when slack ≤ 0.
    /// A demand below L_INF is the greedy engine's "slack test passed".
    /// </summary>
    public static float MinDemandHz(float sizeBits, float cyclesPerBit, float deadlineS, float uploadS, float wiredS)
    {
        float slack = deadlineS - uploadS - wiredS;
        if (!(slack > 0f)) return DemandInfHz;
        return FMath.Min(sizeBits * cyclesPerBit / slack, DemandInfHz);
    }

    /// <summary>ϱ = g/l, and 0 for an infeasible task (l = L_INF).</summary>
    public static float PriorityOf(float award, float demandHz) => demandHz >= DemandInfHz ? 0f : award / demandHz;

    /// <summary>key(a) ≤ key(b) in D4's total order: ϱ descending, then flat index ascending.</summary>
    public static bool NotAfter(float priorityA, int flatA, float priorityB, int flatB) =>
        priorityA > priorityB || (priorityA == priorityB && flatA <= flatB);
}
