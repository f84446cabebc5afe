namespace GpuTwin.Kernels.Compute;

/// <summary>Divisions that never store IEEE Inf/NaN: an impossible time becomes the finite sentinel T_BIG.</summary>
public static class SafeDivide
{
    /// <summary>Denominators at or below this count as zero (a rate or frequency of 1e-9 is "never").</summary>
    public const float ZeroDenominator = 1e-9f;

    /// <summary>numerator/denominator, or <paramref name="tBig"/> when the denominator is ≈ 0; capped at tBig.</summary>
    public static float Time(float numerator, float denominator, float tBig)
    {
        if (denominator <= ZeroDenominator) return tBig;
        float t = numerator / denominator;
        return t < tBig ? t : tBig;
    }
}
