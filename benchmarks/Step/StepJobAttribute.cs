using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace GpuTwin.Benchmarks.Step;

/// <summary>
/// The job of the step and peer benchmarks: 1 launch, 2 warm-up and 5 measured iterations. In a self-contained
/// publish (scripts/bundle.sh: the .NET runtime sits next to the app, and the GPU machine has no .NET SDK to build
/// BenchmarkDotNet's helper project) it runs in-process; a command-line <c>--inProcess</c> does not reach jobs
/// declared by attributes.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class StepJobAttribute() : JobConfigBaseAttribute(CreateJob())
{
    public static bool SelfContained =>
        File.Exists(Path.Combine(AppContext.BaseDirectory, "libcoreclr.so")) || File.Exists(Path.Combine(AppContext.BaseDirectory, "coreclr.dll"));

    private static Job CreateJob()
    {
        var job = new Job().WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(5);
        return SelfContained ? job.WithToolchain(InProcessEmitToolchain.Instance).WithId("InProcess") : job;
    }
}
