using GpuTwin.Training.Distributions;
using static TorchSharp.torch;

namespace GpuTwin.Tests.Training.Networks;

public class MultiCategoricalTests
{
    [Fact]
    public void Entropy_OfUniformLogits_IsHLnC()
    {
        using var scope = NewDisposeScope();
        var d = new MultiCategorical(T.Full(0f, 2, 3, 5));
        Assert.All(T.Floats(d.Entropy(null)), h => T.Near(3 * Math.Log(5), h, 1e-5));
        // Two of three heads active: 2 ln 5.
        Assert.All(T.Floats(d.Entropy(T.F([1f, 0f, 1f, 1f, 0f, 1f], 2, 3))), h => T.Near(2 * Math.Log(5), h, 1e-5));
    }

    [Fact]
    public void Entropy_WithInvalidChoices_IsLnOfTheValidCount()
    {
        using var scope = NewDisposeScope();
        // Head 0 keeps 2 of 4 choices, head 1 keeps 3: ln 2 + ln 3, and the masked options add no NaN.
        var valid = tensor(new[] { true, false, true, false, true, true, true, false }, new long[] { 1, 2, 4 });
        var d = new MultiCategorical(T.Full(0f, 1, 2, 4), valid);
        T.Near(Math.Log(2) + Math.Log(3), d.Entropy(null).item<float>(), 1e-5);
    }

    [Fact]
    public void LogProb_IsLogSoftmaxOfTheChosenLogits_SummedOverActiveHeads()
    {
        using var scope = NewDisposeScope();
        float[] l = [1f, 2f, 0.5f, -1f, 0f, 3f];
        var d = new MultiCategorical(T.F(l, 1, 2, 3));
        var a = tensor(new long[] { 2, 1 }, new long[] { 1, 2 });

        double LogSoftmax(int head, int choice)
        {
            double lse = Math.Log(Enumerable.Range(0, 3).Sum(c => Math.Exp(l[head * 3 + c])));
            return l[head * 3 + choice] - lse;
        }

        T.Near(LogSoftmax(0, 2) + LogSoftmax(1, 1), d.LogProb(a, null).item<float>(), 1e-5);
        T.Near(LogSoftmax(1, 1), d.LogProb(a, T.F([0f, 1f], 1, 2)).item<float>(), 1e-5);
    }

    [Fact]
    public void InvalidChoices_AreNeverSampled_NorTheMode()
    {
        using var scope = NewDisposeScope();
        const int n = 4000;
        // Invalid choice 1 has by far the largest logit; only choices 0 and 3 of head 0 and choice 2 of head 1 are valid.
        var logits = T.F([0f, 10f, 0f, 0f, 0f, 10f, 0f, 0f], 1, 2, 4).expand(n, 2, 4);
        var valid = tensor(new[] { true, false, false, true, false, false, true, false }, new long[] { 1, 2, 4 }).expand(n, 2, 4);
        var d = new MultiCategorical(logits, valid);

        var s = T.Longs(d.Sample(T.Gen(5)));
        for (int i = 0; i < n; i++)
        {
            Assert.Contains(s[2 * i], new long[] { 0, 3 });
            Assert.Equal(2, s[2 * i + 1]);
        }
        Assert.Contains(0L, s); // both valid choices of head 0 occur
        Assert.Contains(3L, s);
        var mode = T.Longs(d.Mode());
        Assert.Contains(mode[0], new long[] { 0, 3 });
        Assert.Equal(2, mode[1]);
    }

    [Fact]
    public void SampledFrequencies_MatchSoftmaxProbabilities()
    {
        using var scope = NewDisposeScope();
        const int n = 20_000;
        float[] l = [1f, 0f, -1f, 0.5f];
        var d = new MultiCategorical(T.F(l, 1, 1, 4).expand(n, 1, 4));
        var s = T.Longs(d.Sample(T.Gen(9)));

        double z = l.Sum(v => Math.Exp(v));
        for (int c = 0; c < 4; c++)
        {
            double p = Math.Exp(l[c]) / z;
            double freq = s.Count(v => v == c) / (double)n;
            T.Near(p, freq, 0.015); // s.e. ≤ 0.0036
        }
        Assert.Equal(new long[] { n, 1 }, d.Sample(null).shape);
        Assert.Equal(ScalarType.Int64, d.Mode().dtype);
    }
}
