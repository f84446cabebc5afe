using GpuTwin.Training.Networks;
using static TorchSharp.torch;

namespace GpuTwin.Tests.Training.Networks;

public class MlpTests
{
    private static Tensor Param(nn.Module module, string name) =>
        module.named_parameters().Single(p => p.name == name).parameter;

    private static void AssertScaledIdentity(Tensor product, double gainSquared)
    {
        var eye = T.Floats(product);
        int n = (int)product.shape[0];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                T.Near(i == j ? gainSquared : 0.0, eye[i * n + j], 1e-4);
    }

    [Theory]
    [InlineData(Activation.ReLU, 2.0)]
    [InlineData(Activation.Tanh, 25.0 / 9.0)]
    public void HiddenLayers_AreOrthogonalWithTheActivationGain_AndZeroBias(Activation activation, double gainSquared)
    {
        using var scope = NewDisposeScope();
        using var mlp = new Mlp("mlp", 32, [64, 64], activation);

        var square = Param(mlp, "layers.fc1.weight"); // [64, 64]
        AssertScaledIdentity(square.matmul(square.t()), gainSquared);
        var first = Param(mlp, "layers.fc0.weight");  // [64 out, 32 in]: orthonormal columns
        Assert.Equal(new long[] { 64, 32 }, first.shape);
        AssertScaledIdentity(first.t().matmul(first), gainSquared);
        Assert.All(T.Floats(Param(mlp, "layers.fc0.bias")), b => Assert.Equal(0f, b));
        Assert.All(T.Floats(Param(mlp, "layers.fc1.bias")), b => Assert.Equal(0f, b));
    }

    [Fact]
    public void Output_HasTheLastHiddenWidth_AndTanhBoundsIt()
    {
        using var scope = NewDisposeScope();
        using var mlp = new Mlp("mlp", 10, [48, 24], Activation.Tanh, inputLayerNorm: true);
        var y = mlp.forward(randn(new long[] { 5, 10 }, generator: T.Gen(1)) * 100);
        Assert.Equal(24, mlp.OutputSize);
        Assert.Equal(new long[] { 5, 24 }, y.shape);
        Assert.All(T.Floats(y), v => Assert.InRange(v, -1f, 1f));
        Assert.Contains(mlp.named_parameters(), p => p.name == "layers.input_norm.weight");
    }

    [Fact]
    public void NoHiddenLayers_IsTheIdentity()
    {
        using var scope = NewDisposeScope();
        using var mlp = new Mlp("linear", 6, []);
        var x = randn(new long[] { 3, 6 }, generator: T.Gen(4));
        Assert.Equal(6, mlp.OutputSize);
        Assert.Equal(T.Floats(x), T.Floats(mlp.forward(x)));
        Assert.Empty(mlp.parameters());
    }

    [Fact]
    public void Critic_OutputsOneValuePerRow_WithAUnitGainValueLayer()
    {
        using var scope = NewDisposeScope();
        using var critic = new Critic("critic", 12, [32, 32]);
        var v = critic.forward(randn(new long[] { 7, 12 }, generator: T.Gen(2)));
        Assert.Equal(new long[] { 7 }, v.shape);

        var w = Param(critic, "value.weight"); // [1, 32]: one orthonormal row
        T.Near(1.0, w.square().sum().item<float>(), 1e-5);
        Assert.Equal(0f, Param(critic, "value.bias").item<float>());
        var hidden = Param(critic, "body.layers.fc1.weight");
        AssertScaledIdentity(hidden.matmul(hidden.t()), 2.0);
    }
}
