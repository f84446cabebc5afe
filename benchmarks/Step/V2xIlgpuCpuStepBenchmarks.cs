using BenchmarkDotNet.Attributes;
using GpuTwin.Benchmarks.Columns;
using GpuTwin.Kernels.Runtime;

namespace GpuTwin.Benchmarks.Step;

/// <summary>The cases of <see cref="V2xStepBenchmarks"/> under ILGPU's CPU emulator: small batches only.</summary>
[BenchmarkCategory("v2x", StepCategories.IlgpuCpu)]
[AgentsPerEnv(10)]
public class V2xIlgpuCpuStepBenchmarks() : ScenarioStepBenchmarks(V2xStepBenchmarks.Case, DeviceKind.IlgpuCpu)
{
    [Params(1, 8)]
    public override int NumEnvs { get; set; }
}
