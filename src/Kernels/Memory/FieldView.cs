using System.Diagnostics;
using System.Runtime.CompilerServices;
using ILGPU;
using ILGPU.Runtime;

namespace GpuTwin.Kernels.Memory;

/// <summary>
/// One structure-of-arrays state field as kernels index it: the address of element 0 and the length.
/// Blittable (16 bytes, no object references), so the state structs that hold dozens of these are cheap
/// to pass by value.
/// <para>
/// Why not <see cref="ArrayView{T}"/> (measured on dt-sync, <c>docs/benchmarks.md</c>): on the host path
/// kernels are plain C# calls. An ArrayView access there inlines two <c>Trace.Assert</c>s, a virtual
/// accelerator-type check and a pointer chain, so a kernel with a few dozen accesses exhausts the JIT's
/// inlining budget and later accesses become calls; and a state struct of ArrayViews holds object
/// references, so every per-env kernel call copies it with GC write barriers. This indexer is one bounds
/// compare and a load. On CUDA the address is the buffer's device pointer (unified addressing), passed to
/// the kernel as a plain 64-bit value.
/// </para>
/// </summary>
public readonly unsafe struct FieldView<T> where T : unmanaged
{
    /// <summary>Address of element 0 (host memory on the CPU paths, device memory on CUDA); 0 when empty.</summary>
    private readonly long _address;

    /// <summary>Number of elements.</summary>
    public readonly int Length;

    /// <summary>Which buffer the field lives in (<see cref="FieldBuffers"/>), for host-side copies; −1 when empty.</summary>
    private readonly int _buffer;

    public FieldView(ArrayView<T> view)
    {
        if (view.Length > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(view), view.Length, $"a state field holds at most {int.MaxValue} elements");
        Length = (int)view.Length;
        if (Length == 0)
        {
            _address = 0;
            _buffer = -1;
            return;
        }
        var buffer = ((IArrayView)view).Buffer;
        _address = buffer.NativePtr.ToInt64() + ((IContiguousArrayView)view).IndexInBytes;
        _buffer = FieldBuffers.Register(buffer);
    }

    public static implicit operator FieldView<T>(ArrayView<T> view) => new(view);
    public static implicit operator FieldView<T>(ArrayView1D<T, Stride1D.Dense> view) => new(view.AsContiguous());

    public ref T this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if ((uint)index >= (uint)Length) OutOfRange();
            return ref *((T*)_address + index);
        }
    }

    /// <summary>
    /// Sets elements [start, start + count) to zero: one bounds check, then a tight loop (a per-element
    /// indexer in a kernel loop reloads the field from the state struct on every store).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Clear(int start, int count)
    {
        if (count <= 0) return;
        if ((uint)start >= (uint)Length || (uint)count > (uint)(Length - start)) OutOfRange();
        T* p = (T*)_address + start;
        for (int j = 0; j < count; j++) p[j] = default;
    }

    /// <summary>The field as an ILGPU view, for host-side copies (<c>CopyFromCPU</c>, <c>GetAsArray</c>); never inside kernels.</summary>
    public ArrayView<T> View
    {
        [NotInsideKernel]
        get
        {
            if (Length == 0) return ArrayView<T>.Empty;
            var buffer = FieldBuffers.Get(_buffer);
            long byteOffset = _address - buffer.NativePtr.ToInt64();
            return new ArrayView<T>(buffer, byteOffset / sizeof(T), Length);
        }
    }

    /// <summary>A host-side sub view (for copies and traces; kernels index the field directly).</summary>
    [NotInsideKernel]
    public ArrayView<T> SubView(long index, long length) => View.SubView(index, length);

    /// <summary>Copies host data into the field from element 0 (as <c>ArrayView.CopyFromCPU</c>).</summary>
    [NotInsideKernel]
    public void CopyFromCPU(ReadOnlySpan<T> data) => View.CopyFromCPU(data);

    /// <inheritdoc cref="CopyFromCPU(ReadOnlySpan{T})"/>
    [NotInsideKernel]
    public void CopyFromCPU(T[] data) => View.CopyFromCPU(data);

    /// <summary>The whole field copied to a new host array.</summary>
    [NotInsideKernel]
    public T[] GetAsArray() => View.GetAsArray();

    /// <summary>Kernels cannot throw; this fails the way an out-of-range ArrayView access does (an assert).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void OutOfRange() => Trace.Assert(false, "FieldView index out of range");
}
