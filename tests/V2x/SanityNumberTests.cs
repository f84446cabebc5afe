using GpuTwin.Kernels.Compute;
using GpuTwin.Kernels.Radio;
using GpuTwin.VecEnv.Scenarios.V2xOffloading;

namespace GpuTwin.Tests.V2x;

/// <summary>The spec §8 sanity numbers at the defaults, each within the spec's 1% tolerance.</summary>
public class SanityNumberTests
{
    private const double SpecTolerance = 0.01;
    private static double Default(int index) => V2xParameters.Table.Defs[index].Default;
    private static readonly float NoiseW = (float)Default(V2xParameters.NoiseW);
    private static readonly float PmaxW = (float)Default(V2xParameters.PmaxW);

    private static float Gain(float d) =>
        PathLoss.LogDistanceGain((float)Default(V2xParameters.PlInterceptDb), (float)Default(V2xParameters.PlSlopeDb), d / 1000f);

    private static float Rho2(float v) =>
        ChannelAging.Rho2(v, (float)Default(V2xParameters.CarrierHz), (float)Default(V2xParameters.CsiAgeS));

    private static void Near(double expected, double actual, double relative = SpecTolerance) =>
        Assert.True(Math.Abs(actual - expected) <= relative * Math.Abs(expected), $"expected {expected:G4}, got {actual:G6}");

    [Theory]
    [InlineData(100, 4.68e-9, 52.7, 17.5)]
    [InlineData(250, 1.49e-10, 37.7, 12.5)]
    [InlineData(500, 1.10e-11, 26.4, 8.78)]
    [InlineData(707, 2.99e-12, 20.8, 6.91)]
    public void PathGain_MeanSnr_And_SpectralEfficiency_WithoutAging(float d, double gain, double snrDb, double se)
    {
        float g = Gain(d);
        Near(gain, g);
        float snr = PmaxW * g / NoiseW;
        Near(snrDb, Decibel.FromLinear(snr));
        Near(se, ShannonRate.Bps(1f, snr));
        // The closed form of the spec, G = 0.155·d^−3.76, agrees as well.
        Near(0.155 * Math.Pow(d, -3.76), g, 0.02);
    }

    [Theory]
    [InlineData(0, 1.0, 26.4, 8.78)]
    [InlineData(5, 0.9881, 18.4, 6.14)]
    [InlineData(10, 0.9531, 12.9, 4.35)]
    [InlineData(15, 0.8967, 9.3, 3.25)]
    [InlineData(20, 0.8221, 6.6, 2.48)]
    [InlineData(25, 0.7330, 4.3, 1.90)]
    [InlineData(30, 0.6340, 2.4, 1.44)]
    public void ChannelAging_At500m_UnitFade(float v, double rho2, double gammaDb, double se)
    {
        float r2 = Rho2(v);
        Near(rho2, r2, 2e-4 / rho2 + 1e-4);
        float gamma = ChannelAging.EffectiveSnr(r2, PmaxW, Gain(500f), 1f, NoiseW);
        // dB values are printed to 0.1 dB: 1% of the value, but at least the printed rounding.
        Assert.InRange(Decibel.FromLinear(gamma), gammaDb - Math.Max(0.05, 0.01 * gammaDb), gammaDb + Math.Max(0.05, 0.01 * gammaDb));
        Near(se, ShannonRate.Bps(1f, gamma));
    }

    [Fact]
    public void AgingClamp_IsReachedOnlyAbove77m_s_AndRhoStaysNonNegative()
    {
        Assert.True(Rho2(77f) > 0f);
        Assert.Equal(0f, Rho2(78f), 1e-6f);
        Assert.Equal(0f, Rho2(300f), 1e-6f);
        for (float v = 0; v < 100; v += 0.5f) Assert.True(Rho2(v + 0.5f) <= Rho2(v));
    }

    [Fact]
    public void LocalCompute_100kbit()
    {
        float cycles = 500f * 1e5f;
        Near(0.025, ComputeCost.ProcessingDelayS(1e5f, 500f, 2e9f, 1e9f));
        Near(0.020, ComputeCost.LocalComputeEnergyJ(1e-28f, 2e9f, cycles));
        Near(0.0225, 0.5 * 0.025 + 0.5 * 0.020);
    }

    [Fact]
    public void EsCompute_Upload_And_WiredHop_100kbit()
    {
        Near(0.0111, ComputeCost.ProcessingDelayS(1e5f, 500f, 4.5e9f, 1e9f));
        Near(1.02e-3, ComputeCost.LocalComputeEnergyJ(1e-30f, 4.5e9f, 500f * 1e5f));
        float gamma = ChannelAging.EffectiveSnr(Rho2(10f), PmaxW, Gain(500f), 1f, NoiseW);
        Near(3.83e-3, ComputeCost.TransmissionDelayS(1e5f, ShannonRate.Bps(6e6f, gamma), 1e9f));
        Near(1.0e-3, ComputeCost.TransmissionDelayS(1e5f, 5e10f / 500f, 1e9f));
    }
}
