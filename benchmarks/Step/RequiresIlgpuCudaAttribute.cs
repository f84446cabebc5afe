using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Running;
using GpuTwin.Kernels.Runtime;

namespace GpuTwin.Benchmarks.Step;

/// <summary>
/// Keeps a CUDA step-benchmark class out of the run unless ILGPU sees a CUDA device, and says so once per class on
/// the console: a skipped GPU benchmark is reported as skipped, never silently "passed".
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresIlgpuCudaAttribute() : FilterConfigBaseAttribute(new SimpleFilter(Probe))
{
    private static readonly Lazy<bool> Available = new(ComputeDevice.CudaAvailable);
    private static readonly HashSet<Type> Reported = [];

    private static bool Probe(BenchmarkCase benchmark)
    {
        var type = benchmark.Descriptor.Type;
        if (!type.IsDefined(typeof(RequiresIlgpuCudaAttribute), inherit: false) || Available.Value) return true;
        lock (Reported)
            if (Reported.Add(type))
                Console.WriteLine($"// SKIPPED {type.Name}: ILGPU finds no CUDA device on this machine.");
        return false;
    }
}
