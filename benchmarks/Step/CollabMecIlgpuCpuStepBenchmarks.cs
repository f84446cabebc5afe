using BenchmarkDotNet.Attributes;
using GpuTwin.Benchmarks.Columns;
using GpuTwin.Kernels.Runtime;

namespace GpuTwin.Benchmarks.Step;

/// <summary>The env-step and policy+step cases of <see cref="CollabMecStepBenchmarks"/> under ILGPU's CPU emulator: small batches only.</summary>
[BenchmarkCategory("collab-mec", StepCategories.IlgpuCpu)]
[AgentsPerEnv(1)]
public class CollabMecIlgpuCpuStepBenchmarks() : ScenarioStepBenchmarks(CollabMecStepBenchmarks.Case, DeviceKind.IlgpuCpu)
{
    [Params(1, 8)]
    public override int NumEnvs { get; set; }
}
