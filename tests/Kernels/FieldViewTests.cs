using GpuTwin.Kernels.Memory;
using GpuTwin.Kernels.Runtime;
using ILGPU;
using ILGPU.Runtime;

namespace GpuTwin.Tests.Kernels;

public class FieldViewTests
{
    /// <summary>Writes i·10 at index i of the field, one thread per element.</summary>
    private static void WriteIndexKernel(Index1D i, FieldView<float> field) => field[i] = i * 10f;

    /// <summary>Zeroes [start, start + count) of the field in one thread.</summary>
    private static void ClearKernel(Index1D i, FieldView<int> field, int start, int count)
    {
        if (i == 0) field.Clear(start, count);
    }

    [Theory]
    [InlineData(DeviceKind.Cpu)]
    [InlineData(DeviceKind.IlgpuCpu)]
    public void KernelsWriteThroughAFieldView_IntoTheBufferItWasMadeFrom(DeviceKind kind)
    {
        using var device = ComputeDevice.Create(kind);
        using var buffer = device.Allocate<float>(12);
        FieldView<float> whole = buffer.View;
        FieldView<float> tail = buffer.View.SubView(4, 8).AsContiguous(); // elements 4..11
        var write = device.Load<FieldView<float>>(WriteIndexKernel);
        write(8, tail);
        device.Synchronize();

        var data = buffer.GetAsArray1D();
        Assert.Equal(new float[] { 0, 0, 0, 0, 0, 10, 20, 30, 40, 50, 60, 70 }, data);
        Assert.Equal(12, whole.Length);
        Assert.Equal(8, tail.Length);
        Assert.Equal(data[4..], tail.GetAsArray());        // host copies see the sub view, not the buffer start
        Assert.Equal(data[6..9], tail.SubView(2, 3).GetAsArray());
    }

    [Theory]
    [InlineData(DeviceKind.Cpu)]
    [InlineData(DeviceKind.IlgpuCpu)]
    public void Clear_ZeroesExactlyTheRange(DeviceKind kind)
    {
        using var device = ComputeDevice.Create(kind);
        using var buffer = device.Upload(Enumerable.Range(1, 10).ToArray());
        var clear = device.Load<FieldView<int>, int, int>(ClearKernel);
        clear(1, buffer.View, 3, 4);
        clear(1, buffer.View, 9, 0); // an empty range at the end is allowed
        device.Synchronize();
        Assert.Equal(new[] { 1, 2, 3, 0, 0, 0, 0, 8, 9, 10 }, buffer.GetAsArray1D());
    }

    [Fact]
    public void HostCopies_RoundTrip_AndIndexerReadsWhatWasCopied()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var buffer = device.Allocate<double>(5);
        FieldView<double> field = buffer.View;
        field.CopyFromCPU([1.5, -2.0, 3.25]);
        Assert.Equal(new[] { 1.5, -2.0, 3.25, 0, 0 }, field.GetAsArray());
        Assert.Equal(-2.0, field[1]);
        field[4] = 7;
        Assert.Equal(7.0, buffer.GetAsArray1D()[4]);
    }

    [Fact]
    public void AnEmptyView_HasLengthZero_AndAnEmptyHostCopy()
    {
        FieldView<float> empty = ArrayView<float>.Empty;
        Assert.Equal(0, empty.Length);
        Assert.Equal(0, empty.View.Length);
    }

    [Fact]
    public void HostCopiesOfADisposedBuffer_FailWithAClearError()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        var buffer = device.Allocate<float>(4);
        FieldView<float> field = buffer.View;
        buffer.Dispose();
        var ex = Assert.Throws<ObjectDisposedException>(() => field.GetAsArray());
        Assert.Contains("disposed", ex.Message);
    }
}
