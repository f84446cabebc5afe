using BenchmarkDotNet.Attributes;
using GpuTwin.Benchmarks.Columns;
using GpuTwin.Kernels.Runtime;

namespace GpuTwin.Benchmarks.Step;

/// <summary>The cases of <see cref="DtSyncStepBenchmarks"/> under ILGPU's CPU emulator (about two orders of magnitude slower): small batches only.</summary>
[BenchmarkCategory("dt-sync", StepCategories.IlgpuCpu)]
[AgentsPerEnv(36)]
public class DtSyncIlgpuCpuStepBenchmarks() : ScenarioStepBenchmarks(DtSyncBatch.Case, DeviceKind.IlgpuCpu)
{
    [Params(1, 8)]
    public override int NumEnvs { get; set; }
}
