using GpuTwin.Kernels.Radio;

namespace GpuTwin.Tests.Kernels;

public class ExpIntegralTests
{
    /// <summary>
    /// Independent reference in double: e^x·E1(x) = ∫_0^∞ e^{−t}/(x+t) dt; with t = x(e^w − 1) this is
    /// ∫_0^∞ exp(−x(e^w − 1)) dw, a smooth integrand that composite Simpson handles for any x &gt; 0.
    /// </summary>
    private static double Reference(double x)
    {
        double upper = Math.Log(1 + 60 / x);
        int n = 400_000;
        double h = upper / n, sum = 0;
        for (int i = 0; i <= n; i++)
        {
            double w = i * h;
            double f = Math.Exp(-x * (Math.Exp(w) - 1));
            sum += f * (i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2));
        }
        return sum * h / 3;
    }

    [Theory]
    [InlineData(1e-6)]
    [InlineData(1e-3)]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.999)]
    [InlineData(1.0)]
    [InlineData(1.001)]
    [InlineData(2.5)]
    [InlineData(10)]
    [InlineData(50)]
    [InlineData(300)]
    public void ExpE1_MatchesQuadrature(double x)
    {
        double expected = Reference(x);
        double actual = ExpIntegral.ExpE1((float)x);
        Assert.InRange(Math.Abs(actual - expected) / expected, 0, Tolerances.ExpE1);
    }

    [Fact]
    public void ExpE1_KnownValueAtOne() =>
        // e·E1(1) = 0.596347362323194 (Abramowitz & Stegun table 5.1)
        Assert.Equal(0.596347362323194, ExpIntegral.ExpE1(1f), 5);

    [Theory]
    [InlineData(1e4)]
    [InlineData(1e8)]
    [InlineData(1e20)]
    [InlineData(1e35)]
    public void ExpE1_LargeX_FollowsAsymptoticSeries(double x)
    {
        // e^x·E1(x) ~ (1/x)(1 − 1/x + 2/x² − 6/x³): exact to float precision for x ≥ 1e4.
        double expected = (1 / x) * (1 - 1 / x + 2 / (x * x) - 6 / (x * x * x));
        float actual = ExpIntegral.ExpE1((float)x);
        Assert.True(float.IsFinite(actual));
        Assert.InRange(Math.Abs(actual - expected) / expected, 0, Tolerances.ExpE1);
    }

    [Fact]
    public void ExpE1_TinyAndZeroArguments_StayFinite()
    {
        // Near 0: e^x·E1(x) ≈ −γ − ln x; at the 1e-30 floor that is 68.50.
        Assert.Equal(-0.5772156649 - Math.Log(1e-30), ExpIntegral.ExpE1(0f), 3);
        Assert.Equal(-0.5772156649 - Math.Log(1e-20), ExpIntegral.ExpE1(1e-20f), 3);
        Assert.True(float.IsFinite(ExpIntegral.ExpE1(-1f)));
    }

    [Fact]
    public void ErgodicRayleighRate_MatchesMonteCarloOverExponentialFading()
    {
        // E[log2(1 + s·X)], X ~ Exp(1): midpoint rule on the quantile function in double.
        const double snr = 4.0, bandwidth = 1e6;
        int n = 200_000;
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            double u = (i + 0.5) / n;
            sum += Math.Log2(1 + snr * -Math.Log(1 - u));
        }
        double expected = bandwidth * sum / n;
        Assert.Equal(expected, ShannonRate.ErgodicRayleighBps((float)bandwidth, (float)snr), expected * 1e-4);
    }
}
