using GpuTwin.Kernels.Runtime;
using ILGPU;
using ILGPU.Runtime;

namespace GpuTwin.VecEnv;

/// <summary>Allocates an env batch's device buffers (zeroed) and disposes them together.</summary>
public sealed class BufferArena(ComputeDevice device) : IDisposable
{
    private readonly List<MemoryBuffer> _buffers = [];

    public long TotalBytes { get; private set; }

    public MemoryBuffer1D<T, Stride1D.Dense> Alloc<T>(long length) where T : unmanaged
    {
        var b = device.Allocate<T>(length);
        _buffers.Add(b);
        TotalBytes += b.LengthInBytes;
        return b;
    }

    /// <summary>Takes ownership of a buffer allocated elsewhere (e.g. an upload).</summary>
    public void Adopt(MemoryBuffer buffer)
    {
        _buffers.Add(buffer);
        TotalBytes += buffer.LengthInBytes;
    }

    /// <summary>Uploads host data (a layout, the parameter block) into a buffer the arena owns.</summary>
    public MemoryBuffer1D<T, Stride1D.Dense> Upload<T>(T[] data) where T : unmanaged
    {
        var b = device.Upload(data);
        Adopt(b);
        return b;
    }

    public void Dispose()
    {
        foreach (var b in _buffers) b.Dispose();
        _buffers.Clear();
    }
}
