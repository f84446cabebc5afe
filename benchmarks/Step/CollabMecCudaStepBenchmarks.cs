using BenchmarkDotNet.Attributes;
using GpuTwin.Benchmarks.Columns;
using GpuTwin.Kernels.Runtime;

namespace GpuTwin.Benchmarks.Step;

/// <summary>
/// The cases of <see cref="CollabMecStepBenchmarks"/> on ILGPU's CUDA accelerator: collab-mec (165 devices, central view), up to 65536 envs.
/// Filtered out, with a "SKIPPED" line, when ILGPU finds no CUDA device.
/// </summary>
[BenchmarkCategory("collab-mec", StepCategories.Cuda)]
[AgentsPerEnv(1)]
[RequiresCuda]
public class CollabMecCudaStepBenchmarks() : ScenarioStepBenchmarks(CollabMecStepBenchmarks.Case, DeviceKind.Cuda)
{
    [Params(1, 64, 1024, 16384, 65536)]
    public override int NumEnvs { get; set; }
}
