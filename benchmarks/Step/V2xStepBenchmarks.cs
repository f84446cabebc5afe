using BenchmarkDotNet.Attributes;
using GpuTwin.Benchmarks.Columns;
using GpuTwin.Kernels.Runtime;

namespace GpuTwin.Benchmarks.Step;

/// <summary>
/// v2x stepping on the fast host path at the spec §8 defaults (M = 10 vehicles, N = 3 ESs). EnvStep re-steps with
/// fixed random raw actions (Step decodes them through the sequential DT every slot, so this is the full env cost);
/// PolicyAndStep runs the fused GREEDY-DT heuristic kernel before every step (<see cref="ScenarioStepBenchmarks"/>).
/// </summary>
[BenchmarkCategory("v2x", StepCategories.Cpu)]
[AgentsPerEnv(10)]
public class V2xStepBenchmarks() : ScenarioStepBenchmarks(Case, DeviceKind.Cpu)
{
    public static StepCase Case { get; } = new("v2x", "random", "greedy-dt");

    [Params(1, 64, 1024, 16384)]
    public override int NumEnvs { get; set; }
}
