using System.Reflection;
using GpuTwin.Kernels.Runtime;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;
using TorchSharp;
using static TorchSharp.torch;

namespace GpuTwin.Training.Bridge;

/// <summary>
/// Moves data between env device buffers and TorchSharp tensors without a host round trip and without
/// per-step allocations: the caller preallocates both sides once and the bridge copies raw bytes.
/// <list type="bullet">
/// <item>Host path (<c>cpu</c>, <c>ilgpu-cpu</c>): both sides are host memory; a <c>memcpy</c> from the buffer's
/// native pointer into the tensor's storage.</item>
/// <item>CUDA: ILGPU runs in its own CUDA context, libtorch in the device's primary context. Device pointers
/// are valid in every context under unified virtual addressing, so a device-to-device <c>cuMemcpy</c>
/// between the two allocations works without staging through the host (design.md). Not yet verified on a
/// GPU machine in this repository's CI; the host path is.</item>
/// </list>
/// Dtypes must match byte for byte (float32 ↔ float32, int32 ↔ int32): convert on the torch side with
/// a preallocated tensor and <c>copy_</c>, which converts in place.
/// </summary>
public sealed class TensorBridge
{
    private readonly ComputeDevice _device;

    public TensorBridge(ComputeDevice device) => _device = device;

    /// <summary>The torch device matching the env device (CUDA for <c>cuda</c>, else CPU).</summary>
    public torch.Device TorchDevice => _device.Kind == DeviceKind.Cuda ? torch.CUDA : torch.CPU;

    /// <summary>Copies the whole buffer into <paramref name="target"/> (contiguous, same byte size).</summary>
    public void ToTensor<T>(MemoryBuffer1D<T, Stride1D.Dense> source, Tensor target) where T : unmanaged =>
        Copy(source.NativePtr, DataPointer(target, source.LengthInBytes), source.LengthInBytes, toTensor: true);

    /// <summary>Copies <paramref name="source"/> (contiguous, same byte size) into the whole buffer.</summary>
    public void FromTensor<T>(Tensor source, MemoryBuffer1D<T, Stride1D.Dense> target) where T : unmanaged =>
        Copy(DataPointer(source, target.LengthInBytes), target.NativePtr, target.LengthInBytes, toTensor: false);

    private unsafe void Copy(IntPtr from, IntPtr to, long bytes, bool toTensor)
    {
        if (bytes == 0) return;
        if (_device.Kind == DeviceKind.Cuda)
        {
            // Kernels write on ILGPU's stream: finish them before torch reads, and finish torch before kernels read.
            if (toTensor) _device.Synchronize(); else torch.cuda.synchronize();
            // cuMemcpyAsync on the default stream (null) with unified addressing, then wait for it.
            var error = CudaAPI.CurrentAPI.MemcpyAsync(to, from, new IntPtr(bytes), null);
            if (error != CudaError.CUDA_SUCCESS) throw new InvalidOperationException($"CUDA copy between ILGPU and torch failed: {error}");
            _device.Synchronize();
            return;
        }
        if (toTensor) _device.Synchronize();
        Buffer.MemoryCopy((void*)from, (void*)to, bytes, bytes);
    }

    /// <summary>The tensor's data pointer, after checking layout and size.</summary>
    private static IntPtr DataPointer(Tensor t, long expectedBytes)
    {
        if (!t.is_contiguous()) throw new ArgumentException("bridge tensors must be contiguous");
        long bytes = t.numel() * t.element_size();
        if (bytes != expectedBytes)
            throw new ArgumentException($"size mismatch: tensor {string.Join("x", t.shape)} of {t.dtype} is {bytes} bytes, the env buffer {expectedBytes} bytes");
        return TensorData(t.Handle);
    }

    // TorchSharp 0.107 has no public data_ptr(); its native THSTensor_data is what Tensor.bytes uses internally.
    private static readonly Func<IntPtr, IntPtr> TensorData = FindTensorData();

    private static Func<IntPtr, IntPtr> FindTensorData()
    {
        var native = typeof(torch).Assembly.GetType("TorchSharp.PInvoke.NativeMethods")
            ?? throw new InvalidOperationException("TorchSharp.PInvoke.NativeMethods not found: TorchSharp version changed?");
        var m = native.GetMethod("THSTensor_data", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException("THSTensor_data not found: TorchSharp version changed?");
        return m.CreateDelegate<Func<IntPtr, IntPtr>>();
    }
}
