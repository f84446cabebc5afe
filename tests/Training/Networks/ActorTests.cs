using GpuTwin.Training.Distributions;
using GpuTwin.Training.Networks;
using static TorchSharp.torch;

namespace GpuTwin.Tests.Training.Networks;

public class ActorTests
{
    private static readonly int[] Hidden = [64, 64];
    private const int N = 8;

    private static Tensor Observations(int size, ulong seed = 1) =>
        randn(new long[] { N, size }, generator: T.Gen(seed));

    [Fact]
    public void MobileUser_OneCategoricalHeadPlusOneBeta_Shapes()
    {
        using var scope = NewDisposeScope();
        using var actor = new Actor("mu", 17, Hidden, discreteHeads: 1, discreteChoices: 5, continuousDims: 1, ContinuousHeadKind.Beta);
        var output = actor.Forward(Observations(17));

        Assert.NotNull(output.Discrete);
        Assert.IsType<BetaDistribution>(output.Continuous);
        Assert.Equal(new long[] { N, 1, 5 }, output.Discrete!.Logits.shape);

        var (discrete, continuous, logProb) = output.Act(T.Gen(3), deterministic: false);
        Assert.Equal(new long[] { N, 1 }, discrete!.shape);
        Assert.Equal(ScalarType.Int64, discrete.dtype);
        Assert.Equal(new long[] { N, 1 }, continuous!.shape);
        Assert.Equal(ScalarType.Float32, continuous.dtype);
        Assert.Equal(new long[] { N }, logProb.shape);
        Assert.Equal(new long[] { N }, output.Entropy(null, null).shape);
        Assert.Equal((1, 5, 1, ContinuousHeadKind.Beta), (actor.DiscreteHeads, actor.DiscreteChoices, actor.ContinuousDims, actor.Kind));
    }

    [Fact]
    public void ChannelController_ThirtyCategoricalHeads_NoContinuousPart()
    {
        using var scope = NewDisposeScope();
        using var actor = new Actor("cc", 220, Hidden, discreteHeads: 30, discreteChoices: 5, continuousDims: 0, ContinuousHeadKind.Beta);
        var output = actor.Forward(Observations(220));

        Assert.Null(output.Continuous);
        var (discrete, continuous, logProb) = output.Act(T.Gen(3), deterministic: false);
        Assert.Equal(new long[] { N, 30 }, discrete!.shape);
        Assert.Null(continuous);
        Assert.Equal(new long[] { N }, logProb.shape);
        Assert.All(T.Longs(discrete), a => Assert.InRange(a, 0, 4));
        // Gain-0.01 logits start almost uniform: entropy ≈ 30 ln 5.
        Assert.All(T.Floats(output.Entropy(null, null)), h => T.Near(30 * Math.Log(5), h, 0.05));
    }

    [Theory]
    [InlineData(ContinuousHeadKind.Beta)]
    [InlineData(ContinuousHeadKind.Gaussian)]
    public void BaseStation_SixtyContinuousComponents_NoCategoricalPart(ContinuousHeadKind kind)
    {
        using var scope = NewDisposeScope();
        using var actor = new Actor("bs", 401, Hidden, discreteHeads: 0, discreteChoices: 5, continuousDims: 60, kind);
        var output = actor.Forward(Observations(401));

        Assert.Null(output.Discrete);
        var (discrete, continuous, logProb) = output.Act(T.Gen(3), deterministic: false);
        Assert.Null(discrete);
        Assert.Equal(new long[] { N, 60 }, continuous!.shape);
        Assert.Equal(new long[] { N }, logProb.shape);
        Assert.Equal(0, actor.DiscreteChoices);
    }

    [Fact]
    public void JointLogProbAndEntropy_AreTheSumsOfTheParts_WithMasks()
    {
        using var scope = NewDisposeScope();
        using var actor = new Actor("cc+bs", 20, Hidden, discreteHeads: 3, discreteChoices: 4, continuousDims: 2, ContinuousHeadKind.Beta);
        var output = actor.Forward(Observations(20));
        var discreteMask = T.F([1f, 0f, 1f], 1, 3).expand(N, 3);
        var continuousMask = T.F([0f, 1f], 1, 2).expand(N, 2);

        var (d, c, joint) = output.Act(T.Gen(8), deterministic: false, discreteMask, continuousMask);
        var parts = output.Discrete!.LogProb(d!, discreteMask) + output.Continuous!.LogProb(c!, continuousMask);
        Assert.Equal(T.Floats(parts), T.Floats(joint));
        Assert.Equal(T.Floats(joint), T.Floats(output.LogProb(d, c, discreteMask, continuousMask)));

        var entropyParts = output.Discrete.Entropy(discreteMask) + output.Continuous.Entropy(continuousMask);
        Assert.Equal(T.Floats(entropyParts), T.Floats(output.Entropy(discreteMask, continuousMask)));

        Assert.Throws<ArgumentNullException>(() => output.LogProb(d, null, null, null));
    }

    [Fact]
    public void Deterministic_TakesArgmaxAndBetaMean()
    {
        using var scope = NewDisposeScope();
        using var actor = new Actor("mu", 17, Hidden, 1, 5, 1, ContinuousHeadKind.Beta);
        var output = actor.Forward(Observations(17));
        var (d, c, _) = output.Act(null, deterministic: true);
        Assert.Equal(T.Longs(output.Discrete!.Logits.argmax(-1)), T.Longs(d!));
        var beta = (BetaDistribution)output.Continuous!;
        Assert.Equal(T.Floats(beta.Alpha / (beta.Alpha + beta.Beta)), T.Floats(c!));
    }

    [Fact]
    public void ValidChoices_AreHonouredThroughTheActor()
    {
        using var scope = NewDisposeScope();
        using var actor = new Actor("mu", 17, Hidden, 1, 5, 1, ContinuousHeadKind.Beta);
        var valid = tensor(new[] { false, false, true, false, true }, new long[] { 1, 1, 5 }).expand(N, 1, 5);
        var output = actor.Forward(Observations(17), valid);
        using var g = T.Gen(2);
        for (int i = 0; i < 50; i++)
            Assert.All(T.Longs(output.Act(g, deterministic: false).Discrete!), a => Assert.Contains(a, new long[] { 2, 4 }));
    }

    [Theory]
    [InlineData(ContinuousHeadKind.Beta, false)]
    [InlineData(ContinuousHeadKind.Gaussian, true)]
    public void Gradients_FlowIntoEveryParameter(ContinuousHeadKind kind, bool inputLayerNorm)
    {
        using var scope = NewDisposeScope();
        using var actor = new Actor("mu", 17, Hidden, 1, 5, 1, kind, Activation.Tanh, inputLayerNorm);
        var output = actor.Forward(Observations(17));
        var (d, c, _) = output.Act(T.Gen(4), deterministic: false);

        // The PPO loss uses the log-prob of stored actions under the current parameters, plus the entropy bonus.
        var loss = -(output.LogProb(d, c, null, null).sum() + 0.01 * output.Entropy(null, null).sum());
        loss.backward();

        var parameters = actor.named_parameters().ToList();
        Assert.Contains(parameters, p => p.name == "logits.weight");
        Assert.Contains(parameters, p => p.name == (kind == ContinuousHeadKind.Beta ? "betaHead.weight" : "gaussianMean.weight"));
        if (kind == ContinuousHeadKind.Gaussian) Assert.Contains(parameters, p => p.name == "gaussianLogStd");
        foreach (var (name, p) in parameters)
        {
            Assert.NotNull(p.grad);
            Assert.True(p.grad!.abs().sum().item<float>() > 0, $"no gradient reached {name}");
        }
    }

    [Fact]
    public void InitialBetaParameters_AreNearOnePointOneThree()
    {
        using var scope = NewDisposeScope();
        using var actor = new Actor("bs", 401, Hidden, 0, 0, 60, ContinuousHeadKind.Beta);
        var beta = (BetaDistribution)actor.Forward(Observations(401))!.Continuous!;
        double expected = 1 + Math.Log(1 + Math.Exp(-2)); // 1 + softplus(−2) = 1.1269
        Assert.All(T.Floats(beta.Alpha), a => T.Near(expected, a, 0.02));
        Assert.All(T.Floats(beta.Beta), b => T.Near(expected, b, 0.02));
    }

    [Fact]
    public void InitialGaussian_MeanNearHalf_StdHalf()
    {
        using var scope = NewDisposeScope();
        using var actor = new Actor("bs", 401, Hidden, 0, 0, 60, ContinuousHeadKind.Gaussian);
        var gaussian = (DiagGaussian)actor.Forward(Observations(401)).Continuous!;
        Assert.Equal(new long[] { N, 60 }, gaussian.LogStd.shape);
        Assert.All(T.Floats(gaussian.Mean), m => T.Near(0.5, m, 0.1));
        Assert.All(T.Floats(gaussian.LogStd), s => T.Near(Math.Log(0.5), s, 1e-6));
    }

    [Fact]
    public void NeitherPart_IsRejected()
    {
        TorchRuntimeLoaded();
        Assert.Throws<ArgumentException>(() => new Actor("none", 4, Hidden, 0, 5, 0, ContinuousHeadKind.Beta));
    }

    private static void TorchRuntimeLoaded() => GpuTwin.Training.TorchRuntime.EnsureLoaded();
}
