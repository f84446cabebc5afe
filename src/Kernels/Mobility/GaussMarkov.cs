using GpuTwin.Kernels.Numerics;

namespace GpuTwin.Kernels.Mobility;

/// <summary>
/// Gauss-Markov mobility (Liang &amp; Haas): each of speed and heading follows
/// v[n] = μ·v[n−1] + (1−μ)·v̄ + √(1−μ²)·w[n]. With w ~ N(0, ζ²) the long-run std of v is ζ.
/// </summary>
public static class GaussMarkov
{
    public static float Update(float previous, float mean, float memory, float noise) =>
        memory * previous + (1f - memory) * mean + FMath.Sqrt(1f - memory * memory) * noise;

    /// <summary>Moves a point by speed·dt along heading (rad).</summary>
    public static void Move(ref float x, ref float y, float speedMps, float headingRad, float dtS)
    {
        x += speedMps * FMath.Cos(headingRad) * dtS;
        y += speedMps * FMath.Sin(headingRad) * dtS;
    }
}
