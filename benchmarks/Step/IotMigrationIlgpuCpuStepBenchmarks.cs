using BenchmarkDotNet.Attributes;
using GpuTwin.Benchmarks.Columns;
using GpuTwin.Kernels.Runtime;

namespace GpuTwin.Benchmarks.Step;

/// <summary>The cases of <see cref="IotMigrationStepBenchmarks"/> under ILGPU's CPU emulator: small batches only.</summary>
[BenchmarkCategory("iot-migration", StepCategories.IlgpuCpu)]
[AgentsPerEnv(450)]
public class IotMigrationIlgpuCpuStepBenchmarks() : ScenarioStepBenchmarks(IotMigrationStepBenchmarks.Case, DeviceKind.IlgpuCpu)
{
    [Params(1, 8)]
    public override int NumEnvs { get; set; }
}
