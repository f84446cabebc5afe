using GpuTwin.Kernels.Compute;
using GpuTwin.Kernels.Radio;
using GpuTwin.Kernels.Random;

namespace GpuTwin.Tests.Kernels;

public class RadioTests
{
    [Fact]
    public void Decibels_RoundTrip_AndKnownValues()
    {
        Assert.Equal(1e-3, Decibel.ToLinear(-30f), 1e-9);
        Assert.Equal(1e-9, Decibel.ToLinear(-90f), 1e-15);
        Assert.Equal(0.001, Decibel.DbmToWatts(0f), 1e-9);
        Assert.Equal(23f, Decibel.WattsToDbm(Decibel.DbmToWatts(23f)), 4);
        Assert.Equal(3.0103, Decibel.FromLinear(2f), 4);
    }

    [Fact]
    public void PathLoss_PowerLaw_AndDistanceFloor()
    {
        // ρ0 = 1e-3, d = 200 m, φ = 2: 1e-3 / 4e4 = 2.5e-8; φ = 3: 1e-3 / 8e6 = 1.25e-10.
        Assert.Equal(2.5e-8, PathLoss.PowerLawGain(1e-3f, 200f, 2f), 1e-14);
        Assert.Equal(1.25e-10, PathLoss.PowerLawGain(1e-3f, 200f, 3f), 1e-15);
        Assert.Equal(1f, PathLoss.DistanceM(5f, 5f, 5.1f, 5f, 1f));
        Assert.Equal(5f, PathLoss.DistanceM(0f, 0f, 3f, 4f, 1f));
        // 3GPP-style 128.1 + 37.6 log10(d km) at 0.5 km: 116.78 dB.
        Assert.Equal(Math.Pow(10, -(128.1 + 37.6 * Math.Log10(0.5)) / 10), PathLoss.LogDistanceGain(128.1f, 37.6f, 0.5f), 1e-15);
    }

    [Fact]
    public void SpecSanity_SnrAtPmaxFollowsSpecSection3()
    {
        // Spec §3: ρ0 = −30 dB, φ = 2, P = 0.5 W, σ² = −90 dBW: SNR ≈ 50 at 100 m, 12.5 at 200 m, 4.1 at 350 m.
        float Snr(float d) => 0.5f * PathLoss.PowerLawGain(1e-3f, d, 2f) / 1e-9f;
        Assert.Equal(50.0, Snr(100f), 1e-3);
        Assert.Equal(12.5, Snr(200f), 1e-3);
        Assert.Equal(4.08, Snr(350f), 1e-2);
    }

    [Fact]
    public void Sinr_WithTwoInterferers_MatchesHandComputation()
    {
        // p = [0.5, 0.3, 0.2] W, g = [1e-6, 2e-7, 5e-7], σ² = 1e-9 W:
        // γ0 = 5e-7 / (6e-8 + 1e-7 + 1e-9) = 5e-7 / 1.61e-7 = 3.1055901
        float s0 = 0.5f * 1e-6f, i1 = 0.3f * 2e-7f, i2 = 0.2f * 5e-7f;
        float direct = Sinr.Ratio(s0, i1 + i2, 1e-9f);
        Assert.Equal(3.1055901, direct, 5);
        float viaTotal = Sinr.Ratio(s0, Sinr.InterferenceFromTotal(s0 + i1 + i2, s0), 1e-9f);
        Assert.Equal(direct, viaTotal, 5);
        Assert.Equal(0f, Sinr.InterferenceFromTotal(1e-9f, 1.0000001e-9f));
    }

    [Theory]
    [InlineData(1e7, 12.5, 37_548_875.0)] // 1e7 · log2(13.5) = 1e7 · 3.7548875
    [InlineData(1e7, 1e-7, 1.4426950)]    // small γ: B·γ/ln2, where log2(1+γ) in float would lose it
    [InlineData(2e7, 0.0, 0.0)]
    public void ShannonRate_ClosedForm(double bandwidth, double sinr, double expected) =>
        Assert.Equal(expected, ShannonRate.Bps((float)bandwidth, (float)sinr), Math.Max(expected * Tolerances.FloatChain, 1e-6));

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(10.0, 21.0 / 121.0)]
    public void FadingPower_HasUnitMean_AndTheRicianVariance(double kappa, double variance)
    {
        // Var|h|² of Rician fading = (1 + 2κ)/(1 + κ)²; κ = 0 is Rayleigh (Exp(1), variance 1).
        var rng = new CounterRng(42, 0, 0, 0);
        int n = 200_000;
        double sum = 0, sumSq = 0;
        for (int i = 0; i < n; i++)
        {
            rng.Normal2(1, i % CounterRng.MaxEntities, out float zr, out float zi);
            if (i >= CounterRng.MaxEntities) throw new InvalidOperationException();
            double g = kappa == 0 ? Fading.RayleighPower(zr, zi) : Fading.RicianPower((float)kappa, zr, zi);
            sum += g;
            sumSq += g * g;
        }
        double mean = sum / n, var = sumSq / n - mean * mean;
        double se = Math.Sqrt(variance / n);
        Assert.InRange(mean, 1 - 5 * se, 1 + 5 * se);
        Assert.InRange(var, variance * 0.97, variance * 1.03);
        Assert.Equal(Fading.RayleighPower(0.3f, -1.2f), Fading.RicianPower(0f, 0.3f, -1.2f), 6);
    }

    [Fact]
    public void ComputeAndTransmitCosts_ClosedForms()
    {
        // D = 2e4 bit, C = 600 cycles/bit, f = 2e9 Hz: t = 1.2e7 / 2e9 = 6 ms.
        Assert.Equal(6e-3, ComputeCost.ProcessingDelayS(2e4f, 600f, 2e9f, 1e9f), 9);
        // D = 2e4 bit at R = 1e7 bit/s: 2 ms; p = 0.5 W for 2 ms: 1 mJ.
        Assert.Equal(2e-3, ComputeCost.TransmissionDelayS(2e4f, 1e7f, 1e9f), 9);
        Assert.Equal(1e-3, ComputeCost.TransmitEnergyJ(0.5f, 2e-3f), 9);
        // κ f² c: 1e-28 · (1e9)² · 1e8 = 0.01 J.
        Assert.Equal(0.01, ComputeCost.LocalComputeEnergyJ(1e-28f, 1e9f, 1e8f), 8);
        // Zero resources give the finite sentinel, never Inf/NaN.
        Assert.Equal(1e9f, ComputeCost.ProcessingDelayS(2e4f, 600f, 0f, 1e9f));
        Assert.Equal(1e9f, ComputeCost.TransmissionDelayS(2e4f, 0f, 1e9f));
        Assert.Equal(1e9f, SafeDivide.Time(1e30f, 1f, 1e9f));
    }
}
