using GpuTwin.Kernels.Numerics;

namespace GpuTwin.Kernels.Radio;

/// <summary>
/// e^x·E1(x) for x &gt; 0, in float32 over the whole range. Computing E1 and e^x apart overflows e^x
/// above x ≈ 88 and underflows E1; the product is smooth (≈ −γ − ln x near 0, ≈ 1/x for large x).
/// </summary>
public static class ExpIntegral
{
    /// <summary>Below this the series is used; above it the continued fraction (both converge fast there).</summary>
    private const float SeriesLimit = 1f;
    /// <summary>Smallest argument; e^x·E1(x) at 1e-30 is ≈ 68.5, finite.</summary>
    private const float MinArgument = 1e-30f;

    public static float ExpE1(float x)
    {
        if (x < MinArgument) x = MinArgument;
        if (x <= SeriesLimit)
        {
            // E1(x) = −γ − ln x − Σ_{n≥1} (−x)^n / (n·n!); 18 terms reach float precision for x ≤ 1.
            float sum = 0f, term = 1f;
            for (int n = 1; n <= 18; n++)
            {
                term *= -x / n;
                sum += term / n;
            }
            float e1 = -FMath.EulerGamma - FMath.Log(x) - sum;
            return FMath.Exp(x) * e1;
        }
        // Modified Lentz continued fraction (Numerical Recipes 6.3) for e^x·E1(x) directly:
        // 1/(x+1−) 1²/(x+3−) 2²/(x+5−) ... ; 40 iterations converge for x > 1 in float.
        const float tiny = 1e-30f;
        float b = x + 1f;
        float c = 1f / tiny;
        float d = 1f / b;
        float h = d;
        for (int i = 1; i <= 40; i++)
        {
            float an = -(float)i * i;
            b += 2f;
            d = 1f / (an * d + b);
            c = b + an / c;
            h *= c * d;
        }
        return h;
    }
}
