using GpuTwin.Training.Distributions;
using static TorchSharp.torch;

namespace GpuTwin.Tests.Training.Networks;

/// <summary>Rollouts must be replayable: one seed, one action sequence, for every distribution.</summary>
public class SamplingDeterminismTests
{
    public static TheoryData<string> Kinds => new() { "beta", "gaussian", "categorical" };

    private static IActionDistribution Make(string kind) => kind switch
    {
        "beta" => new BetaDistribution(T.Full(1.3f, 64, 3), T.Full(2.1f, 64, 3)),
        "gaussian" => new DiagGaussian(T.Full(0.5f, 64, 3), T.F([-0.7f, 0f, 0.2f], 3)),
        _ => new MultiCategorical(T.Full(0f, 64, 3, 5)),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void SameSeed_SameSamples_DifferentSeed_DifferentSamples(string kind)
    {
        using var scope = NewDisposeScope();
        var d = Make(kind);

        using var g1 = T.Gen(42);
        using var g2 = T.Gen(42);
        using var g3 = T.Gen(43);
        var a1 = T.Floats(d.Sample(g1));
        var a1Next = T.Floats(d.Sample(g1));
        var a2 = T.Floats(d.Sample(g2));
        var a2Next = T.Floats(d.Sample(g2));
        var a3 = T.Floats(d.Sample(g3));

        Assert.Equal(a1, a2);
        Assert.Equal(a1Next, a2Next);
        Assert.NotEqual(a1, a1Next); // the generator advances
        Assert.NotEqual(a1, a3);
        Assert.Equal(a1.Length, T.Floats(d.Sample(null)).Length); // null = torch's default generator
    }

    [Fact]
    public void BoolMasks_WorkLikeFloatMasks()
    {
        using var scope = NewDisposeScope();
        var d = Make("beta");
        var x = d.Sample(T.Gen(1));
        var floatMask = T.F([1f, 0f, 1f], 1, 3).expand(64, 3);
        Assert.Equal(T.Floats(d.LogProb(x, floatMask)), T.Floats(d.LogProb(x, floatMask.to_type(ScalarType.Bool))));
        Assert.Throws<ArgumentException>(() => d.LogProb(x, T.F([1f, 0f], 1, 2).expand(64, 2)));
    }
}
