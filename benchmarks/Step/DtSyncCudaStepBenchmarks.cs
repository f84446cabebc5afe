using BenchmarkDotNet.Attributes;
using GpuTwin.Benchmarks.Columns;
using GpuTwin.Kernels.Runtime;

namespace GpuTwin.Benchmarks.Step;

/// <summary>
/// The cases of <see cref="DtSyncStepBenchmarks"/> on ILGPU's CUDA accelerator: dt-sync at the paper defaults (K = 30, M = 5), up to 65536 envs.
/// Filtered out, with a "SKIPPED" line, when ILGPU finds no CUDA device.
/// </summary>
[BenchmarkCategory("dt-sync", StepCategories.Cuda)]
[AgentsPerEnv(36)]
[RequiresCuda]
public class DtSyncCudaStepBenchmarks() : ScenarioStepBenchmarks(DtSyncBatch.Case, DeviceKind.Cuda)
{
    [Params(1, 64, 1024, 16384, 65536)]
    public override int NumEnvs { get; set; }
}
