using GpuTwin.Training.Distributions;
using static TorchSharp.torch;

namespace GpuTwin.Tests.Training.Networks;

public class BetaDistributionTests
{
    [Fact]
    public void LogProb_MatchesClosedFormDensity()
    {
        using var scope = NewDisposeScope();
        // Beta(2, 3): f(x) = x (1 − x)² / B(2, 3) = 12 x (1 − x)²  →  f(0.4) = 12 · 0.4 · 0.36 = 1.728.
        // Beta(0.5, 0.5): f(x) = 1 / (π √(x (1 − x)))  →  f(0.25) = 1 / (π · √0.1875).
        var d = new BetaDistribution(T.F([2f, 0.5f], 1, 2), T.F([3f, 0.5f], 1, 2));
        var x = T.F([0.4f, 0.25f], 1, 2);

        double expected0 = Math.Log(1.728);
        double expected1 = -Math.Log(Math.PI * Math.Sqrt(0.1875));
        T.Near(expected0 + expected1, d.LogProb(x, null).item<float>(), 1e-5);
        T.Near(expected0, d.LogProb(x, T.F([1f, 0f], 1, 2)).item<float>(), 1e-5);
        T.Near(expected1, d.LogProb(x, T.F([0f, 1f], 1, 2)).item<float>(), 1e-5);
    }

    [Fact]
    public void Entropy_MatchesClosedForms()
    {
        using var scope = NewDisposeScope();
        // Beta(1, 1) is uniform on [0, 1]: entropy 0. Beta(2, 2): ln B(2,2) − 2ψ(2) + 2ψ(4) = 5/3 − ln 6.
        var d = new BetaDistribution(T.F([1f, 2f], 2, 1), T.F([1f, 2f], 2, 1));
        var h = T.Floats(d.Entropy(null));
        T.Near(0.0, h[0], 1e-6);
        T.Near(5.0 / 3.0 - Math.Log(6.0), h[1], 1e-5);
    }

    [Fact]
    public void Samples_HaveTheBeta23MeanAndVariance_AndStayInsideTheClamp()
    {
        using var scope = NewDisposeScope();
        const int n = 20_000;
        var d = new BetaDistribution(T.Full(2f, n, 1), T.Full(3f, n, 1));
        var x = d.Sample(T.Gen(7));

        Assert.Equal(new long[] { n, 1 }, x.shape);
        var v = T.Floats(x);
        double mean = v.Average();
        double variance = v.Select(s => (s - mean) * (s - mean)).Sum() / (n - 1);
        // Mean 2/5 = 0.4 (standard error 0.0014); variance αβ / ((α+β)²(α+β+1)) = 6/150 = 0.04 (s.e. ≈ 0.0003).
        T.Near(0.4, mean, 0.006);
        T.Near(0.04, variance, 0.002);
        Assert.All(v, s => Assert.InRange(s, (float)BetaDistribution.Epsilon, (float)(1 - BetaDistribution.Epsilon)));
    }

    [Fact]
    public void Samples_FromExtremeConcentrations_StayInsideTheClamp()
    {
        using var scope = NewDisposeScope();
        // α ≪ β pushes draws towards 0 (and the reverse towards 1) far below float resolution.
        var d = new BetaDistribution(T.F([0.01f, 500f], 1, 2).expand(2000, 2), T.F([500f, 0.01f], 1, 2).expand(2000, 2));
        var v = T.Floats(d.Sample(T.Gen(3)));
        Assert.All(v, s => Assert.InRange(s, (float)BetaDistribution.Epsilon, (float)(1 - BetaDistribution.Epsilon)));
    }

    [Fact]
    public void Mode_IsTheMean()
    {
        using var scope = NewDisposeScope();
        var d = new BetaDistribution(T.F([2f, 1.13f, 5f], 1, 3), T.F([3f, 1.13f, 1f], 1, 3));
        var m = T.Floats(d.Mode());
        T.Near(0.4, m[0], 1e-6);
        T.Near(0.5, m[1], 1e-6);
        T.Near(5.0 / 6.0, m[2], 1e-6);
    }

    [Fact]
    public void LogProb_IsFiniteAtAndBeyondTheBounds_AndUsesTheClampedValue()
    {
        using var scope = NewDisposeScope();
        var d = new BetaDistribution(T.F([2f, 0.5f, 3f], 1, 3).expand(4, 3), T.F([3f, 0.5f, 2f], 1, 3).expand(4, 3));
        float lo = (float)BetaDistribution.Epsilon, hi = (float)(1 - BetaDistribution.Epsilon);
        var x = T.F([0f, 0f, 0f, 1f, 1f, 1f, lo, lo, lo, hi, hi, hi], 4, 3);
        var lp = T.Floats(d.LogProb(x, null));

        Assert.All(lp, v => Assert.True(float.IsFinite(v), $"log-prob {v} not finite"));
        Assert.Equal(lp[0], lp[2]); // 0 is scored as Epsilon
        Assert.Equal(lp[1], lp[3]); // 1 is scored as 1 − Epsilon
        // At ε (ln(1 − ε) ≈ 0): Beta(2,3) ln 12 + ln ε; Beta(½,½) −½ ln ε − ln π; Beta(3,2) ln 12 + 2 ln ε.
        double lnEps = Math.Log(1e-6);
        T.Near(2 * Math.Log(12) + 2.5 * lnEps - Math.Log(Math.PI), lp[2], 1e-3);
    }

    [Fact]
    public void MaskedComponents_AddNothing()
    {
        using var scope = NewDisposeScope();
        var d = new BetaDistribution(T.F([2f, 4f, 1.5f], 1, 3), T.F([3f, 1f, 6f], 1, 3));
        var x = T.F([0.3f, 0.9f, 0.2f], 1, 3);
        var lpAll = T.Floats(new BetaDistribution(d.Alpha[.., 0..1], d.Beta[.., 0..1]).LogProb(x[.., 0..1], null))[0];
        var hAll = T.Floats(new BetaDistribution(d.Alpha[.., 0..1], d.Beta[.., 0..1]).Entropy(null))[0];

        var mask = T.F([1f, 0f, 0f], 1, 3);
        T.Near(lpAll, d.LogProb(x, mask).item<float>(), 1e-6);
        T.Near(hAll, d.Entropy(mask).item<float>(), 1e-6);
        Assert.Equal(0f, d.LogProb(x, T.F([0f, 0f, 0f], 1, 3)).item<float>());
    }
}
