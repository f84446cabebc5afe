using GpuTwin.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GpuTwin.Tests.Training.Networks;

/// <summary>Small tensor helpers for the network and distribution tests (float32, CPU).</summary>
internal static class T
{
    public static Tensor F(float[] values, params long[] shape)
    {
        TorchRuntime.EnsureLoaded();
        return tensor(values, shape);
    }

    public static Tensor Full(float value, params long[] shape)
    {
        TorchRuntime.EnsureLoaded();
        return full(shape, value, dtype: ScalarType.Float32);
    }

    public static float[] Floats(Tensor t) => t.detach().to_type(ScalarType.Float32).contiguous().data<float>().ToArray();

    public static long[] Longs(Tensor t) => t.detach().to_type(ScalarType.Int64).contiguous().data<long>().ToArray();

    public static torch.Generator Gen(ulong seed)
    {
        TorchRuntime.EnsureLoaded();
        return new torch.Generator(seed, CPU);
    }

    public static void Near(double expected, double actual, double tolerance) =>
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"expected {expected} ± {tolerance}, got {actual}");
}
