using GpuTwin.Kernels.Runtime;
using GpuTwin.Training;
using GpuTwin.Training.Bridge;
using ILGPU;
using ILGPU.Runtime;
using static TorchSharp.torch;

namespace GpuTwin.Tests.Training.Ppo;

public class BridgeTests
{
    [Fact]
    public void HostPath_CopiesBothWays_WithoutChangingBytes()
    {
        TorchRuntime.EnsureLoaded();
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        var data = Enumerable.Range(0, 24).Select(i => i * 0.5f - 3f).ToArray();
        using var buffer = device.Upload(data);
        var bridge = new TensorBridge(device);
        using var t = zeros(4, 6);
        bridge.ToTensor(buffer, t);
        Assert.Equal(data, t.flatten().data<float>().ToArray());

        using var back = (t * 2).contiguous();
        bridge.FromTensor(back, buffer);
        Assert.Equal(data.Select(x => 2 * x).ToArray(), ((ArrayView<float>)buffer.View).GetAsArray());

        // A slot view of a larger tensor is contiguous and lands at its offset.
        using var big = zeros(3, 4, 6);
        bridge.ToTensor(buffer, big[1]);
        Assert.Equal(0f, big[0].sum().item<float>());
        Assert.Equal(data.Sum() * 2, big[1].sum().item<float>(), 3);
    }

    [Fact]
    public void SizeOrDtypeMismatch_IsAClearError()
    {
        TorchRuntime.EnsureLoaded();
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var buffer = device.Allocate<float>(10);
        var bridge = new TensorBridge(device);
        var e = Assert.Throws<ArgumentException>(() => bridge.ToTensor(buffer, zeros(11)));
        Assert.Contains("40 bytes", e.Message);
        Assert.Throws<ArgumentException>(() => bridge.ToTensor(buffer, zeros(10, ScalarType.Float64)));
        Assert.Throws<ArgumentException>(() => bridge.ToTensor(buffer, zeros(5, 2).t()));
    }
}
