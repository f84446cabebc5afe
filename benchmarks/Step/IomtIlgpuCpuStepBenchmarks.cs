using BenchmarkDotNet.Attributes;
using GpuTwin.Benchmarks.Columns;
using GpuTwin.Kernels.Runtime;

namespace GpuTwin.Benchmarks.Step;

/// <summary>The cases of <see cref="IomtStepBenchmarks"/> under ILGPU's CPU emulator: small batches only.</summary>
[BenchmarkCategory("iomt", StepCategories.IlgpuCpu)]
[AgentsPerEnv(8)]
public class IomtIlgpuCpuStepBenchmarks() : ScenarioStepBenchmarks(IomtStepBenchmarks.Case, DeviceKind.IlgpuCpu)
{
    [Params(1, 8)]
    public override int NumEnvs { get; set; }
}
