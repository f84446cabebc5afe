using GpuTwin.Kernels.Numerics;

namespace GpuTwin.Kernels.Radio;

/// <summary>
/// G(x) = e^x·E1(x) for x &gt; 0 in float32 over the whole range, without ever forming e^x or E1 apart (e^x
/// overflows above x ≈ 88 and E1 underflows). Piecewise recipe of the iomt spec (§6 S5), ≈ 1e-6 relative:
/// Abramowitz–Stegun 5.1.53 for x ≤ 1, the 5.1.56 rational for 1 &lt; x ≤ 1e4, the asymptotic series above.
/// Fixed, short cost and no cancellation near x = 1 (an earlier series/continued-fraction version lost ~1e-5 there).
/// </summary>
public static class ExpIntegral
{
    /// <summary>Smallest argument; G(1e-30) ≈ 68.5, finite.</summary>
    private const float MinArgument = 1e-30f;
    private const float SmallLimit = 1f, AsymptoticFrom = 1e4f;

    public static float ExpE1(float x)
    {
        if (x < MinArgument) x = MinArgument;
        if (x <= SmallLimit)
        {
            // E1(x) = −γ − ln x + x − … (A&S 5.1.53, |error| < 2e-7), times e^x, harmless for x ≤ 1.
            float p = -0.57721566f + x * (0.99999193f + x * (-0.24991055f + x * (0.05519968f + x * (-0.00976004f + x * 0.00107857f))));
            return FMath.Exp(x) * (p - FMath.Log(x));
        }
        if (x <= AsymptoticFrom)
        {
            // x·e^x·E1(x) = n(x)/d(x) (A&S 5.1.56, |error| < 2e-8).
            float n = (((x + 8.5733287401f) * x + 18.0590169730f) * x + 8.6347608925f) * x + 0.2677737343f;
            float d = (((x + 9.5733223454f) * x + 25.6329561486f) * x + 21.0996530827f) * x + 3.9584969228f;
            return n / (x * d);
        }
        float r = 1f / x;
        return r * (1f - r * (1f - r * (2f - 6f * r)));
    }

    /// <summary>The same recipe in double precision (host-side references and tables).</summary>
    public static double ExpE1(double x)
    {
        if (x < MinArgument) x = MinArgument;
        if (x <= SmallLimit)
        {
            double p = -0.57721566 + x * (0.99999193 + x * (-0.24991055 + x * (0.05519968 + x * (-0.00976004 + x * 0.00107857))));
            return Math.Exp(x) * (p - Math.Log(x));
        }
        if (x <= AsymptoticFrom)
        {
            double n = (((x + 8.5733287401) * x + 18.0590169730) * x + 8.6347608925) * x + 0.2677737343;
            double d = (((x + 9.5733223454) * x + 25.6329561486) * x + 21.0996530827) * x + 3.9584969228;
            return n / (x * d);
        }
        double r = 1.0 / x;
        return r * (1.0 - r * (1.0 - r * (2.0 - 6.0 * r)));
    }
}
