using BenchmarkDotNet.Attributes;
using GpuTwin.Benchmarks.Columns;
using GpuTwin.Kernels.Runtime;

namespace GpuTwin.Benchmarks.Step;

/// <summary>
/// The cases of <see cref="IomtStepBenchmarks"/> on ILGPU's CUDA accelerator: iomt at the spec defaults, up to 65536 envs.
/// Filtered out, with a "SKIPPED" line, when ILGPU finds no CUDA device.
/// </summary>
[BenchmarkCategory("iomt", StepCategories.Cuda)]
[AgentsPerEnv(8)]
[RequiresCuda]
public class IomtCudaStepBenchmarks() : ScenarioStepBenchmarks(IomtStepBenchmarks.Case, DeviceKind.Cuda)
{
    [Params(1, 64, 1024, 16384, 65536)]
    public override int NumEnvs { get; set; }
}
