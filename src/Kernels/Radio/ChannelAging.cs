using GpuTwin.Kernels.Numerics;

namespace GpuTwin.Kernels.Radio;

/// <summary>
/// Jakes channel aging: the correlation ρ = J0(2π f_D τ) between a channel estimate and the channel τ
/// seconds later, with maximum Doppler f_D = v·f_c/c, and the imperfect-CSI effective SNR that treats the
/// unknown part as noise (Liang et al., IEEE TCOM 2017).
/// </summary>
public static class ChannelAging
{
    public const float SpeedOfLight = 2.99792458e8f;
    /// <summary>First zero of J0; arguments are clamped to it so that ρ ≥ 0 and monotone in speed.</summary>
    public const float J0FirstZero = 2.404826f;

    /// <summary>Bessel J0(x) by its power series Σ (−x²/4)^k/(k!)²; 14 terms reach float precision for |x| ≤ 4.</summary>
    public static float BesselJ0(float x)
    {
        float q = -0.25f * x * x, term = 1f, sum = 1f;
        for (int k = 1; k <= 14; k++)
        {
            term *= q / ((float)k * k);
            sum += term;
        }
        return sum;
    }

    /// <summary>ρ² = J0(min(2π v f_c τ / c, first zero))².</summary>
    public static float Rho2(float speedMps, float carrierHz, float ageS)
    {
        float x = FMath.Min(FMath.TwoPi * speedMps * carrierHz / SpeedOfLight * ageS, J0FirstZero);
        float rho = FMath.Max(BesselJ0(x), 0f);
        return rho * rho;
    }

    /// <summary>γ_eff = ρ²·p·G·H / (σ² + (1−ρ²)·p·G); ρ² = 1 gives the perfect-CSI SNR p·G·H/σ².</summary>
    public static float EffectiveSnr(float rho2, float powerW, float gain, float fade, float noiseW)
    {
        float pg = powerW * gain;
        return rho2 * pg * fade / (noiseW + (1f - rho2) * pg);
    }
}
