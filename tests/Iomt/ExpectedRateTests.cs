using GpuTwin.Kernels.Radio;
using GpuTwin.VecEnv.Scenarios.IomtMultiTask;

namespace GpuTwin.Tests.Iomt;

/// <summary>e^x·E1(x) by the spec's float32 recipe (§6 S5) and the expected Rayleigh rate built on it.</summary>
public class ExpectedRateTests
{
    /// <summary>Spec §6 S5 reference table (double precision, series and Lentz continued fraction).</summary>
    public static TheoryData<double, double> Reference() => new()
    {
        { 1e-6, 13.2383091 }, { 1e-4, 8.63408807 }, { 1e-3, 6.33787407 }, { 1e-2, 4.07851144 }, { 0.1, 2.01464255 },
        { 0.5, 0.922910633 }, { 1, 0.596347362 }, { 2, 0.361328617 }, { 3, 0.262083740 }, { 5, 0.170422176 },
        { 10, 0.0915633339 }, { 30, 0.0322897388 }, { 100, 0.00990194229 }, { 1e3, 0.000999001994 },
        { 1e4, 9.99900020e-05 }, { 1e6, 9.99999000e-07 },
    };

    [Theory]
    [MemberData(nameof(Reference))]
    public void Float32Recipe_MatchesTheReferenceTable(double x, double expected)
    {
        float g = ExpIntegral.ExpE1((float)x);
        Assert.InRange(Math.Abs(g - expected) / expected, 0, 3e-6);
        Assert.InRange(Math.Abs(ExpIntegral.ExpE1(x) - expected) / expected, 0, 5e-7);
    }

    [Fact]
    public void Float32Recipe_IsFiniteAndSmoothOverTheWholeRange()
    {
        float prev = float.MaxValue;
        for (double lx = -30; lx <= 12; lx += 0.01)
        {
            float g = ExpIntegral.ExpE1((float)Math.Pow(10, lx));
            Assert.True(float.IsFinite(g) && g > 0, $"G(1e{lx}) = {g}");
            Assert.True(g <= prev * (1 + 1e-6f), $"G not decreasing at 1e{lx}"); // G is strictly decreasing
            prev = g;
        }
        Assert.True(float.IsFinite(ExpIntegral.ExpE1(0f)));
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(100)]
    [InlineData(1e4)]
    public void ExpectedRate_MatchesAMonteCarloAverageOverRayleighFading(double snr)
    {
        const int n = 200_000;
        var rng = new Random(7);
        double sum = 0;
        for (int i = 0; i < n; i++) sum += Math.Log2(1 + snr * -Math.Log(1 - rng.NextDouble()));
        double mc = sum / n;
        double closed = ExpIntegral.ExpE1(1 / snr) / Math.Log(2);
        float kernel = IomtRules.ExpectedRateBps(1f, (float)snr) ;
        // Standard error of the mean is < 2.1/√n ≈ 0.005 bit; allow 4 of them.
        Assert.InRange(Math.Abs(mc - closed), 0, 0.02 * Math.Max(1, closed / 5));
        Assert.Equal(closed, kernel, closed * 3e-6);
        Assert.True(closed < Math.Log2(1 + snr), "Jensen: the expected rate is below log2(1 + mean SNR)");
    }

    [Fact]
    public void AtSnr10_TheSpecsMonteCarloCheckHolds() =>
        Assert.Equal(2.9065, ExpIntegral.ExpE1(0.1) / Math.Log(2), 1e-4);

    /// <summary>Spec §8 sanity table: P^tr = 0.3 W, b = 62.5 MHz, D = 2.8e5 bit, PL0 = 40 dB, η = 3.</summary>
    [Theory]
    [InlineData(25, 81.9, 755, 807, 0.37, 111)]
    [InlineData(50, 91.0, 568, 619, 0.49, 148)]
    [InlineData(100, 100.0, 384, 432, 0.73, 219)]
    [InlineData(176.777, 107.4, 240, 281, 1.17, 350)]
    [InlineData(250, 111.9, 163, 195, 1.72, 515)]
    [InlineData(353.553, 116.5, 99, 118, 2.84, 851)]
    public void SanityTable_RatesDelaysAndEnergies(double d, double plDb, double rateMbps, double shannonMbps, double tTrMs, double eTrUj)
    {
        const float b = 62.5e6f, bits = 2.8e5f, p = 0.3f;
        float rho = IomtRules.MeanGainOverN0(p, (float)d, 40, 3, 1, 1, 4e-21f, paperLiteral: false);
        double pl = 10 * Math.Log10(p / (rho * 4e-21));
        Assert.Equal(plDb, pl, 0.06);
        float rate = IomtRules.ExpectedRateBps(b, rho);
        Assert.Equal(rateMbps, rate / 1e6, rateMbps * 0.01);
        Assert.Equal(shannonMbps, ShannonRate.Bps(b, rho / b) / 1e6, shannonMbps * 0.01);
        IomtRules.Offload(bits, 0f, rate, 1e9f, p, 1e9f, out float delay, out float energy);
        Assert.Equal(tTrMs, delay * 1e3, tTrMs * 0.02);
        Assert.Equal(eTrUj, energy * 1e6, eTrUj * 0.01);
        double gap = Math.Log2(1 + rho / b) - rate / b;
        Assert.InRange(gap, 0.25, 0.84); // Jensen gap of 0.3-0.8 bit/s/Hz, below the γ_E/ln 2 = 0.83 limit
    }

    [Fact]
    public void PaperLiteralPathLoss_IsNearlyDistanceBlind()
    {
        double SnrDb(float d) => 10 * Math.Log10(IomtRules.MeanGainOverN0(0.3f, d, 40, 3, 1, 1, 4e-21f, paperLiteral: true) / 62.5e6);
        Assert.Equal(82.5, SnrDb(25), 0.2);
        Assert.Equal(79.5, SnrDb(353.553f), 0.2);
    }
}
