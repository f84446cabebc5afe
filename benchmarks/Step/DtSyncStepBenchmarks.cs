using BenchmarkDotNet.Attributes;
using GpuTwin.Benchmarks.Columns;
using GpuTwin.Kernels.Runtime;

namespace GpuTwin.Benchmarks.Step;

/// <summary>
/// dt-sync stepping on the fast host path at the paper defaults (K = 30 MUs, M = 5 BSs): EnvStep with the
/// "static" actions written once, PolicyAndStep with the "deadline" heuristic (<see cref="ScenarioStepBenchmarks"/>).
/// </summary>
[BenchmarkCategory("dt-sync", StepCategories.Cpu)]
[AgentsPerEnv(36)] // K + M + 1 agents at the defaults
public class DtSyncStepBenchmarks() : ScenarioStepBenchmarks(DtSyncBatch.Case, DeviceKind.Cpu)
{
    [Params(1, 64, 1024, 16384)]
    public override int NumEnvs { get; set; }
}
