using GpuTwin.Training.Distributions;
using static TorchSharp.torch;

namespace GpuTwin.Tests.Training.Networks;

public class DiagGaussianTests
{
    private static readonly double HalfLog2Pi = 0.5 * Math.Log(2 * Math.PI);

    [Fact]
    public void LogProb_MatchesClosedForm_ForUnclippedActions()
    {
        using var scope = NewDisposeScope();
        // N(0.3, 0.5) at 1.0: z = 1.4, −½z² − ln 0.5 − ½ ln 2π. N(−1, 2) at −4 (outside any [0, 1] box: not clipped): z = −1.5.
        var d = new DiagGaussian(T.F([0.3f, -1f], 1, 2), T.F([(float)Math.Log(0.5), (float)Math.Log(2)], 2));
        var x = T.F([1.0f, -4f], 1, 2);
        double lp0 = -0.5 * 1.4 * 1.4 - Math.Log(0.5) - HalfLog2Pi;
        double lp1 = -0.5 * 1.5 * 1.5 - Math.Log(2) - HalfLog2Pi;
        T.Near(lp0 + lp1, d.LogProb(x, null).item<float>(), 1e-5);
    }

    [Fact]
    public void Entropy_MatchesClosedForm_WithBroadcastLogStd()
    {
        using var scope = NewDisposeScope();
        // Per component ½ + ½ ln 2π + ln σ; logStd [D] broadcasts over the batch.
        var d = new DiagGaussian(T.Full(0f, 3, 2), T.F([(float)Math.Log(0.5), 0f], 2));
        var h = T.Floats(d.Entropy(null));
        Assert.Equal(3, h.Length);
        double expected = 2 * (0.5 + HalfLog2Pi) + Math.Log(0.5);
        Assert.All(h, v => T.Near(expected, v, 1e-5));
    }

    [Fact]
    public void MaskedComponents_ContributeZero_ToLogProbAndEntropy()
    {
        using var scope = NewDisposeScope();
        var mean = T.F([0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f], 2, 3);
        var logStd = T.F([-0.5f, 0f, 0.5f], 3);
        var d = new DiagGaussian(mean, logStd);
        var x = T.F([0f, 1f, 2f, 3f, 4f, 5f], 2, 3);
        var mask = T.F([1f, 0f, 1f, 0f, 0f, 0f], 2, 3);

        var lp = T.Floats(d.LogProb(x, mask));
        var h = T.Floats(d.Entropy(mask));

        double Lp(double xv, double mu, double ls) { double z = (xv - mu) / Math.Exp(ls); return -0.5 * z * z - ls - HalfLog2Pi; }
        T.Near(Lp(0, 0.1, -0.5) + Lp(2, 0.3, 0.5), lp[0], 1e-5);
        Assert.Equal(0f, lp[1]);
        T.Near(2 * (0.5 + HalfLog2Pi) + (-0.5 + 0.5), h[0], 1e-5);
        Assert.Equal(0f, h[1]);
    }

    [Fact]
    public void Samples_HaveTheRequestedMeanAndStd_AndModeIsTheMean()
    {
        using var scope = NewDisposeScope();
        const int n = 20_000;
        var d = new DiagGaussian(T.Full(0.5f, n, 1), T.F([(float)Math.Log(0.5)], 1));
        var v = T.Floats(d.Sample(T.Gen(11)));
        double mean = v.Average();
        double std = Math.Sqrt(v.Select(s => (s - mean) * (s - mean)).Sum() / (n - 1));
        T.Near(0.5, mean, 0.015);  // s.e. 0.0035
        T.Near(0.5, std, 0.01);    // s.e. 0.0025
        Assert.All(T.Floats(d.Mode()), m => Assert.Equal(0.5f, m));
    }
}
