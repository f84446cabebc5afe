using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;

namespace GpuTwin.Kernels.Runtime;

/// <summary>A kernel loaded for one device: call it with the number of threads and its arguments.</summary>
public delegate void Kernel<TA>(int threads, TA a) where TA : struct;
public delegate void Kernel<TA, TB>(int threads, TA a, TB b) where TA : struct where TB : struct;
public delegate void Kernel<TA, TB, TC>(int threads, TA a, TB b, TC c) where TA : struct where TB : struct where TC : struct;

/// <summary>
/// One device for one batch of environments: owns the ILGPU context and accelerator, allocates
/// structure-of-arrays buffers, and loads kernels once into typed delegates.
/// On <see cref="DeviceKind.Cpu"/> the buffers are CPU-accelerator memory (host RAM) and kernels are the
/// same static methods called directly in <c>Parallel.For</c> chunks; nothing goes through the emulator.
/// </summary>
public sealed class ComputeDevice : IDisposable
{
    /// <summary>Below this many threads a host launch runs on the calling thread (Parallel.For costs ~µs).</summary>
    private const int HostSerialThreshold = 64;

    private readonly Context _context;

    public DeviceKind Kind { get; }
    public Accelerator Accelerator { get; }

    /// <summary>True when kernels are plain method calls on the host (the fast CPU path).</summary>
    public bool RunsOnHost => Kind == DeviceKind.Cpu;

    public string Description => Kind == DeviceKind.Cpu
        ? $"cpu (host path, {Environment.ProcessorCount} threads)"
        : $"{Kind.Name()} ({Accelerator.Name})";

    private ComputeDevice(DeviceKind kind, Context context, Accelerator accelerator)
    {
        Kind = kind;
        _context = context;
        Accelerator = accelerator;
    }

    /// <summary>Opens a device. <see cref="DeviceKind.Auto"/> picks CUDA when a GPU is usable, else the host path.</summary>
    public static ComputeDevice Create(DeviceKind kind)
    {
        var context = Context.Create(b => b.Default().EnableAlgorithms().Math(MathMode.Default));
        try
        {
            if (kind is DeviceKind.Auto or DeviceKind.Cuda)
            {
                var cuda = context.GetCudaDevices();
                if (cuda.Count > 0)
                    return new ComputeDevice(DeviceKind.Cuda, context, cuda[0].CreateAccelerator(context));
                if (kind == DeviceKind.Cuda)
                    throw new DeviceUnavailableException("--device cuda: no CUDA device is available on this machine; allowed here: auto|cpu|ilgpu-cpu");
                kind = DeviceKind.Cpu;
            }
            var cpu = context.GetCPUDevice(0).CreateCPUAccelerator(context);
            return new ComputeDevice(kind, context, cpu);
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    /// <summary>True when a CUDA device is visible to ILGPU (used by tests to skip GPU parity).</summary>
    public static bool CudaAvailable()
    {
        using var context = Context.Create(b => b.Default());
        return context.GetCudaDevices().Count > 0;
    }

    public MemoryBuffer1D<T, Stride1D.Dense> Allocate<T>(long length) where T : unmanaged
    {
        var buffer = Accelerator.Allocate1D<T>(Math.Max(1, length));
        buffer.MemSetToZero();
        return buffer;
    }

    public MemoryBuffer1D<T, Stride1D.Dense> Upload<T>(T[] data) where T : unmanaged
    {
        var buffer = Accelerator.Allocate1D<T>(Math.Max(1, data.Length));
        if (data.Length > 0) buffer.View.SubView(0, data.Length).CopyFromCPU(data);
        return buffer;
    }

    public void Synchronize() => Accelerator.Synchronize();

    #region Kernel loading (once per batch, never inside Step)

    public Kernel<TA> Load<TA>(Action<Index1D, TA> kernel) where TA : struct
    {
        if (RunsOnHost)
            return (n, a) => HostFor(n, (lo, hi) => { for (int i = lo; i < hi; i++) kernel(i, a); });
        var k = Accelerator.LoadAutoGroupedStreamKernel(kernel);
        return (n, a) => { if (n > 0) k(n, a); };
    }

    public Kernel<TA, TB> Load<TA, TB>(Action<Index1D, TA, TB> kernel) where TA : struct where TB : struct
    {
        if (RunsOnHost)
            return (n, a, b) => HostFor(n, (lo, hi) => { for (int i = lo; i < hi; i++) kernel(i, a, b); });
        var k = Accelerator.LoadAutoGroupedStreamKernel(kernel);
        return (n, a, b) => { if (n > 0) k(n, a, b); };
    }

    public Kernel<TA, TB, TC> Load<TA, TB, TC>(Action<Index1D, TA, TB, TC> kernel)
        where TA : struct where TB : struct where TC : struct
    {
        if (RunsOnHost)
            return (n, a, b, c) => HostFor(n, (lo, hi) => { for (int i = lo; i < hi; i++) kernel(i, a, b, c); });
        var k = Accelerator.LoadAutoGroupedStreamKernel(kernel);
        return (n, a, b, c) => { if (n > 0) k(n, a, b, c); };
    }

    /// <summary>
    /// Runs <paramref name="range"/> over [0, n) in contiguous chunks, one call per chunk (the kernel loop sits inside
    /// the chunk, so a launch costs one delegate call per index, not two).
    /// </summary>
    private static void HostFor(int n, Action<int, int> range)
    {
        if (n <= HostSerialThreshold)
        {
            range(0, n);
            return;
        }
        int chunks = Math.Min(n, Environment.ProcessorCount * 4);
        int per = (n + chunks - 1) / chunks;
        Parallel.For(0, chunks, c => range(c * per, Math.Min(n, (c + 1) * per)));
    }

    #endregion

    public void Dispose()
    {
        Accelerator.Dispose();
        _context.Dispose();
    }
}
