using GpuTwin.Benchmarks.Columns;
using BenchmarkDotNet.Attributes;
using GpuTwin.Kernels.Runtime;

namespace GpuTwin.Benchmarks.Step;

/// <summary>
/// The same stepping as <see cref="DtSyncStepBenchmarks"/> under ILGPU's CPU emulator
/// (<c>--device ilgpu-cpu</c>), which is about two orders of magnitude slower: small batches only.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
[CategoriesColumn]
[BenchmarkCategory(DtSyncCategories.IlgpuCpu)]
[AgentsPerEnv(36)] // K + M + 1 agents at the defaults
public class DtSyncIlgpuCpuStepBenchmarks
{
    private DtSyncBatch? _batch;

    [Params(1, 8)]
    public int NumEnvs { get; set; }

    [GlobalSetup(Target = nameof(EnvStep))]
    public void SetupEnvStep() => _batch = DtSyncBatch.EnvOnly(DeviceKind.IlgpuCpu, NumEnvs);

    [GlobalSetup(Target = nameof(PolicyAndStep))]
    public void SetupPolicyAndStep() => _batch = DtSyncBatch.WithPolicy(DeviceKind.IlgpuCpu, NumEnvs);

    [GlobalCleanup]
    public void Cleanup()
    {
        _batch?.Dispose();
        _batch = null;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = DtSyncBatch.StepsPerInvoke)]
    [BenchmarkCategory(DtSyncCategories.EnvStep)]
    public void EnvStep() => _batch!.StepEnvOnly();

    [Benchmark(OperationsPerInvoke = DtSyncBatch.StepsPerInvoke)]
    [BenchmarkCategory(DtSyncCategories.PolicyStep)]
    public void PolicyAndStep() => _batch!.StepWithPolicy();
}
