using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace GpuTwin.Benchmarks.Step;

/// <summary>
/// The job of the step and peer benchmarks: 1 launch, 2 warm-up and 5 measured iterations. In a self-contained
/// publish (scripts/bundle.sh: the .NET runtime sits next to the app, and the GPU machine has no .NET SDK to build
/// BenchmarkDotNet's helper project) it runs in-process; a command-line <c>--inProcess</c> does not reach jobs
/// declared by attributes. A command-line <c>--job</c> (e.g. <c>--job dry</c>) replaces this job instead of running
/// beside it (BenchmarkDotNet would otherwise run both).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class StepJobAttribute : Attribute, IConfigSource
{
    /// <summary>Set by <see cref="Program"/> when the command line names a job of its own.</summary>
    public static bool CommandLineJob { get; set; }

    public static bool SelfContained =>
        File.Exists(Path.Combine(AppContext.BaseDirectory, "libcoreclr.so")) || File.Exists(Path.Combine(AppContext.BaseDirectory, "coreclr.dll"));

    public IConfig Config { get; } = CommandLineJob ? ManualConfig.CreateEmpty() : ManualConfig.CreateEmpty().AddJob(CreateJob());

    private static Job CreateJob()
    {
        var job = new Job().WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(5);
        return SelfContained ? job.WithToolchain(InProcessEmitToolchain.Instance).WithId("InProcess") : job;
    }
}
