using GpuTwin.Kernels.Numerics;

namespace GpuTwin.Kernels.Radio;

/// <summary>Power ratios between linear and decibel scale.</summary>
public static class Decibel
{
    /// <summary>10^(dB/10).</summary>
    public static float ToLinear(float db) => FMath.Exp(db * (FMath.Ln10 / 10f));

    /// <summary>10·log10(x); x must be positive.</summary>
    public static float FromLinear(float linear) => 10f * FMath.Log10(linear);

    /// <summary>dBm to W: 10^((dBm − 30)/10).</summary>
    public static float DbmToWatts(float dbm) => ToLinear(dbm - 30f);

    /// <summary>W to dBm.</summary>
    public static float WattsToDbm(float watts) => FromLinear(watts) + 30f;
}
