using BenchmarkDotNet.Attributes;
using GpuTwin.Benchmarks.Columns;
using GpuTwin.Kernels.Runtime;

namespace GpuTwin.Benchmarks.Step;

/// <summary>
/// The cases of <see cref="DtSyncStepBenchmarks"/> under ILGPU's CPU accelerator. Its cost is mostly per launch, so
/// it is two orders of magnitude slower than the host path at 1 env but only a few times slower at 1024 (the
/// per-env kernels run the same JIT-compiled code there). 1024 is here for the 1024-env ratio; one of its
/// batch steps takes about 0.1 s.
/// </summary>
[BenchmarkCategory("dt-sync", StepCategories.IlgpuCpu)]
[AgentsPerEnv(36)]
public class DtSyncIlgpuCpuStepBenchmarks() : ScenarioStepBenchmarks(DtSyncBatch.Case, DeviceKind.IlgpuCpu)
{
    [Params(1, 8, 1024)]
    public override int NumEnvs { get; set; }
}
