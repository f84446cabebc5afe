using GpuTwin.Kernels.Numerics;

namespace GpuTwin.Kernels.Radio;

/// <summary>
/// Small-scale fading power |h|² from two standard normals (z_r, z_i ~ N(0, 1)), so callers draw the
/// normals from their own random stream. Both forms have unit mean power.
/// </summary>
public static class Fading
{
    /// <summary>Rayleigh: ĥ = (z_r + j z_i)/√2 ~ CN(0, 1); |ĥ|² ~ Exp(1).</summary>
    public static float RayleighPower(float zr, float zi) => 0.5f * (zr * zr + zi * zi);

    /// <summary>
    /// Rician with factor κ (linear LoS-to-scatter power ratio):
    /// |√(κ/(κ+1)) + √(1/(κ+1))·ĥ|², ĥ ~ CN(0, 1). Mean 1 for every κ ≥ 0.
    /// </summary>
    public static float RicianPower(float kappa, float zr, float zi) =>
        RicianPower(RicianLos(kappa), RicianScatter(kappa), zr, zi);

    /// <summary>LoS amplitude √(κ/(κ+1)); hoist it out of per-link loops.</summary>
    public static float RicianLos(float kappa) => FMath.Sqrt(kappa / (kappa + 1f));

    /// <summary>Scatter scale √(1/(κ+1)) times the N(0, ½) scale of each quadrature part.</summary>
    public static float RicianScatter(float kappa) => FMath.Sqrt(0.5f / (kappa + 1f));

    /// <summary>|los + scatter·(z_r + j z_i)|² with the amplitudes precomputed.</summary>
    public static float RicianPower(float los, float scatter, float zr, float zi)
    {
        float re = los + scatter * zr;
        float im = scatter * zi;
        return re * re + im * im;
    }
}
