using GpuTwin.Training;
using GpuTwin.Training.Ppo;
using static TorchSharp.torch;

namespace GpuTwin.Tests.Training.Ppo;

public class GaeTests
{
    public GaeTests() => TorchRuntime.EnsureLoaded();

    [Fact]
    public void ThreeSteps_MatchHandComputation()
    {
        // γ = 0.9, λ = 0.5, r = [1, 0, 2], V = [0.5, 0.2, 0.1, 0.4], no truncation:
        // δ2 = 2 + 0.9·0.4 − 0.1 = 2.26;  Â2 = 2.26
        // δ1 = 0 + 0.9·0.1 − 0.2 = −0.11; Â1 = −0.11 + 0.45·2.26 = 0.907
        // δ0 = 1 + 0.9·0.2 − 0.5 = 0.68;  Â0 = 0.68 + 0.45·0.907 = 1.08815
        var r = tensor(new float[] { 1, 0, 2 }).reshape(3, 1);
        var v = tensor(new float[] { 0.5f, 0.2f, 0.1f, 0.4f }).reshape(4, 1);
        var (adv, ret) = Gae.Compute(r, v, zeros(3, 1), zeros(3, 1), 0.9, 0.5);
        Assert.Equal(new[] { 1.08815f, 0.907f, 2.26f }, adv.flatten().data<float>().ToArray(), new FloatTolerance(1e-5f));
        Assert.Equal(new[] { 1.58815f, 1.107f, 2.36f }, ret.flatten().data<float>().ToArray(), new FloatTolerance(1e-5f));
    }

    [Fact]
    public void Truncation_BootstrapsFromTheFinalState_AndCutsTheChain()
    {
        // Truncated at t = 1 with V(final) = 3: δ1 = 0 + 0.9·3 − 0.2 = 2.5 and Â1 = 2.5 (slot 2 belongs to the next episode);
        // Â0 = δ0 + 0.45·Â1 = 0.68 + 1.125 = 1.805.
        var r = tensor(new float[] { 1, 0, 2 }).reshape(3, 1);
        var v = tensor(new float[] { 0.5f, 0.2f, 0.1f, 0.4f }).reshape(4, 1);
        var final = tensor(new float[] { 0, 3, 0 }).reshape(3, 1);
        var trunc = tensor(new float[] { 0, 1, 0 }).reshape(3, 1);
        var (adv, _) = Gae.Compute(r, v, final, trunc, 0.9, 0.5);
        Assert.Equal(new[] { 1.805f, 2.5f, 2.26f }, adv.flatten().data<float>().ToArray(), new FloatTolerance(1e-5f));
    }

    private sealed class FloatTolerance(float tol) : IEqualityComparer<float>
    {
        public bool Equals(float a, float b) => Math.Abs(a - b) <= tol;
        public int GetHashCode(float x) => 0;
    }
}
