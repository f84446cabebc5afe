using BenchmarkDotNet.Attributes;
using GpuTwin.Benchmarks.Columns;
using GpuTwin.Kernels.Runtime;

namespace GpuTwin.Benchmarks.Step;

/// <summary>
/// The cases of <see cref="V2xStepBenchmarks"/> on ILGPU's CUDA accelerator: v2x at the spec defaults, up to 65536 envs.
/// Filtered out, with a "SKIPPED" line, when ILGPU finds no CUDA device.
/// </summary>
[BenchmarkCategory("v2x", StepCategories.Cuda)]
[AgentsPerEnv(10)]
[RequiresCuda]
public class V2xCudaStepBenchmarks() : ScenarioStepBenchmarks(V2xStepBenchmarks.Case, DeviceKind.Cuda)
{
    [Params(1, 64, 1024, 16384, 65536)]
    public override int NumEnvs { get; set; }
}
