using GpuTwin.Kernels.Numerics;

namespace GpuTwin.Kernels.Radio;

/// <summary>Achievable rates.</summary>
public static class ShannonRate
{
    /// <summary>R = B·log2(1 + γ) in bit/s, computed as B·log1p(γ)/ln 2 so small γ keeps its precision.</summary>
    public static float Bps(float bandwidthHz, float sinr) => bandwidthHz * FMath.Log1p(sinr) / FMath.Ln2;

    /// <summary>
    /// Ergodic rate over Rayleigh fading with mean SNR s̄: E[B·log2(1 + s̄·|h|²)] = B/ln2 · e^{1/s̄}·E1(1/s̄).
    /// </summary>
    public static float ErgodicRayleighBps(float bandwidthHz, float meanSnr) =>
        meanSnr <= 0f ? 0f : bandwidthHz * ExpIntegral.ExpE1(1f / meanSnr) / FMath.Ln2;

    /// <summary>
    /// The same expectation from the mean received gain over noise density ρ = g·p/N0 (Hz): x = b/ρ is formed
    /// directly, never as 1/SNR, which keeps float32 exact when ρ and b are both large (iomt spec §6).
    /// </summary>
    public static float ExpectedRayleighRateBps(float bandwidthHz, float meanGainOverN0Hz) =>
        bandwidthHz <= 0f || meanGainOverN0Hz <= 0f ? 0f : bandwidthHz * ExpIntegral.ExpE1(bandwidthHz / meanGainOverN0Hz) / FMath.Ln2;
}
