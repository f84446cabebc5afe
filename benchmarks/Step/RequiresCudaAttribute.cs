using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Running;
using GpuTwin.Benchmarks.Peer;
using GpuTwin.Kernels.Runtime;

namespace GpuTwin.Benchmarks.Step;

/// <summary>
/// Keeps a benchmark class out of the run unless ILGPU sees a CUDA device (and, with <see cref="TorchToo"/>,
/// TorchSharp too), and says so once per class on the console: a skipped GPU benchmark is reported as skipped,
/// never silently "passed". BenchmarkDotNet applies the filter to every case; cases of classes without the
/// attribute pass.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresCudaAttribute() : FilterConfigBaseAttribute(new SimpleFilter(Probe))
{
    /// <summary>The class also needs TorchSharp on CUDA (the torch peer on the GPU).</summary>
    public bool TorchToo { get; init; }

    private static readonly Lazy<bool> Ilgpu = new(ComputeDevice.CudaAvailable);
    private static readonly Lazy<(bool Available, string Why)> TorchAndIlgpu = new(DtSyncPeerBed.CudaStatus);
    private static readonly HashSet<Type> Reported = [];

    private static bool Probe(BenchmarkCase benchmark)
    {
        var type = benchmark.Descriptor.Type;
        var needs = type.GetCustomAttribute<RequiresCudaAttribute>(inherit: false);
        if (needs is null) return true;
        var (available, why) = needs.TorchToo
            ? (TorchAndIlgpu.Value.Available, $"needs CUDA in both TorchSharp and ILGPU ({TorchAndIlgpu.Value.Why}).")
            : (Ilgpu.Value, "ILGPU finds no CUDA device on this machine.");
        if (!available)
            lock (Reported)
                if (Reported.Add(type))
                    Console.WriteLine($"// SKIPPED {type.Name}: {why}");
        return available;
    }
}
