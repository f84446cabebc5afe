using GpuTwin.Benchmarks.Columns;
using BenchmarkDotNet.Attributes;
using GpuTwin.Kernels.Runtime;

namespace GpuTwin.Benchmarks.Step;

/// <summary>
/// dt-sync stepping on the fast host path (<c>--device cpu</c>) at the paper defaults (K = 30, M = 5).
/// One operation = one step of the whole batch; the custom columns turn the mean into env-steps/s and
/// agent-steps/s. The Ratio column compares policy+step with env-only stepping at the same NumEnvs.
/// NumEnvs = 8 is there to compare with <see cref="DtSyncIlgpuCpuStepBenchmarks"/> at equal batch size.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
[CategoriesColumn]
[BenchmarkCategory(DtSyncCategories.Cpu)]
[AgentsPerEnv(36)] // K + M + 1 agents at the defaults
public class DtSyncStepBenchmarks
{
    private DtSyncBatch? _batch;

    [Params(1, 8, 64, 1024)]
    public int NumEnvs { get; set; }

    [GlobalSetup(Target = nameof(EnvStep))]
    public void SetupEnvStep() => _batch = DtSyncBatch.EnvOnly(DeviceKind.Cpu, NumEnvs);

    [GlobalSetup(Target = nameof(PolicyAndStep))]
    public void SetupPolicyAndStep() => _batch = DtSyncBatch.WithPolicy(DeviceKind.Cpu, NumEnvs);

    [GlobalCleanup]
    public void Cleanup()
    {
        _batch?.Dispose();
        _batch = null;
    }

    /// <summary>env.Step() with the "static" actions written once in setup.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = DtSyncBatch.StepsPerInvoke)]
    [BenchmarkCategory(DtSyncCategories.EnvStep)]
    public void EnvStep() => _batch!.StepEnvOnly();

    /// <summary>The "deadline" heuristic's kernel, then env.Step().</summary>
    [Benchmark(OperationsPerInvoke = DtSyncBatch.StepsPerInvoke)]
    [BenchmarkCategory(DtSyncCategories.PolicyStep)]
    public void PolicyAndStep() => _batch!.StepWithPolicy();
}
