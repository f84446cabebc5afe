using GpuTwin.Kernels.Numerics;

namespace GpuTwin.Kernels.Radio;

/// <summary>Large-scale channel gain.</summary>
public static class PathLoss
{
    /// <summary>Euclidean distance in m, floored at <paramref name="minDistanceM"/> (the reference distance) so gains stay finite.</summary>
    public static float DistanceM(float x0, float y0, float x1, float y1, float minDistanceM)
    {
        float dx = x0 - x1, dy = y0 - y1;
        return FMath.Max(FMath.Sqrt(dx * dx + dy * dy), minDistanceM);
    }

    /// <summary>Distance-power law ρ0·d^−φ: ρ0 is the gain at the 1 m reference distance, φ the path-loss exponent.</summary>
    public static float PowerLawGain(float rho0, float distanceM, float exponent) =>
        exponent == 2f ? rho0 / (distanceM * distanceM) : rho0 * FMath.Exp(-exponent * FMath.Log(distanceM));

    /// <summary>Log-distance model PL(dB) = a + b·log10(d): returns the linear gain 10^(−PL/10).</summary>
    public static float LogDistanceGain(float interceptDb, float slopeDb, float distance) =>
        Decibel.ToLinear(-(interceptDb + slopeDb * FMath.Log10(distance)));
}
