using GpuTwin.Kernels.Numerics;
using GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement;

namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec;

/// <summary>
/// Pure physics of one collab-mec slot outside Algorithm 1 (spec §3 draws, §6 S5–S8), shared by the kernels and
/// the tests. The rate, upload, wired-delay and demand formulas the decoder also uses are in
/// <see cref="RefinementRules"/>; this class adds what only the env needs. SI units throughout.
/// </summary>
public static class CollabMecRules
{
    #region Draws (spec §3)

    /// <summary>U[lo, hi) from a counter-RNG uniform u ∈ (0, 1].</summary>
    public static float UniformIn(float lo, float hi, float u) => lo + (hi - lo) * (1f - u);

    /// <summary>Rayleigh block-fading power ω = −ln(1 − u') ~ Exp(1) with u' = 1 − u ∈ [0, 1), so ω ≥ 0.</summary>
    public static float FadingPower(float u) => -FMath.Log(u);

    #endregion

    #region Delays and completion (S5, S6)

    /// <summary>Computing delay d_m = z·v/f (eq. 9); the finite "impossible" delay when f = 0 (ActorLiteral guard).</summary>
    public static float ComputeDelayS(float sizeBits, float cyclesPerBit, float allocHz) =>
        allocHz <= 0f ? RefinementRules.DelayBigS : sizeBits * cyclesPerBit / allocHz;

    /// <summary>S6: finished within the deadline up to the relative tolerance.</summary>
    public static bool MeetsDeadline(float delayS, float deadlineS) => delayS <= deadlineS * (1f + RefinementRules.DeadlineTolerance);

    /// <summary>The interference-free slack δ − z/ν⁰, or 0 when that is ≤ 0 or ν⁰ ≤ R_MIN (observation extra, §5.1).</summary>
    public static float InterferenceFreeSlackS(float deadlineS, float sizeBits, float rate0Bps) =>
        rate0Bps <= RefinementRules.RateMinBps ? 0f : FMath.Max(deadlineS - sizeBits / rate0Bps, 0f);

    #endregion

    #region Energy (S8, eq. 6)

    /// <summary>Q ← min(max(Q − x·p·d_w, 0) + e, cap): the harvest arrives after the slot, so it never pays this slot's upload.</summary>
    public static float BatteryAfterSlot(float batteryJ, float uploadEnergyJ, float harvestJ, float capJ) =>
        FMath.Min(FMath.Max(batteryJ - uploadEnergyJ, 0f) + harvestJ, capJ);

    #endregion
}
