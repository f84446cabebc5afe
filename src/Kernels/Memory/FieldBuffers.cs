using ILGPU.Runtime;

namespace GpuTwin.Kernels.Memory;

/// <summary>
/// The buffers behind <see cref="FieldView{T}"/>s, by a small integer handle, so that a field (which must stay
/// free of object references to be cheap to pass by value) can still be copied on the host.
/// Handles are per process and never reused; an entry holds its buffer weakly.
/// </summary>
internal static class FieldBuffers
{
    private static readonly object Gate = new();
    private static readonly List<WeakReference<MemoryBuffer>> Buffers = [];
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<MemoryBuffer, object> Handles = new();

    public static int Register(MemoryBuffer buffer)
    {
        lock (Gate)
        {
            if (Handles.TryGetValue(buffer, out var known)) return (int)known;
            int handle = Buffers.Count;
            Buffers.Add(new WeakReference<MemoryBuffer>(buffer));
            Handles.Add(buffer, handle);
            return handle;
        }
    }

    public static MemoryBuffer Get(int handle)
    {
        lock (Gate)
        {
            if (handle < 0 || handle >= Buffers.Count || !Buffers[handle].TryGetTarget(out var buffer) || buffer.IsDisposed)
                throw new ObjectDisposedException(nameof(FieldView<byte>), "the buffer behind this state field was disposed (the env it belongs to was disposed)");
            return buffer;
        }
    }
}
