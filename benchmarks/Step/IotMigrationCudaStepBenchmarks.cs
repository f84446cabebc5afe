using BenchmarkDotNet.Attributes;
using GpuTwin.Benchmarks.Columns;
using GpuTwin.Kernels.Runtime;

namespace GpuTwin.Benchmarks.Step;

/// <summary>
/// The cases of <see cref="IotMigrationStepBenchmarks"/> on ILGPU's CUDA accelerator: iot-migration at ρ = 30 users per server (450 users), up to 65536 envs.
/// Filtered out, with a "SKIPPED" line, when ILGPU finds no CUDA device.
/// </summary>
[BenchmarkCategory("iot-migration", StepCategories.Cuda)]
[AgentsPerEnv(450)]
[RequiresCuda]
public class IotMigrationCudaStepBenchmarks() : ScenarioStepBenchmarks(IotMigrationStepBenchmarks.Case, DeviceKind.Cuda)
{
    [Params(1, 64, 1024, 16384, 65536)]
    public override int NumEnvs { get; set; }
}
