using BenchmarkDotNet.Attributes;
using GpuTwin.Benchmarks.Columns;
using GpuTwin.Kernels.Runtime;

namespace GpuTwin.Benchmarks.Step;

/// <summary>
/// iomt stepping on the fast host path at the spec defaults (N^u = 8, N^t = 8, N^m = 4). EnvStep re-steps with the
/// "random" actions written once (depletion and auto-resets included); PolicyAndStep runs the greedy-priority
/// heuristic's kernel before every step (<see cref="ScenarioStepBenchmarks"/>). Filter: <c>--filter '*Iomt*'</c>.
/// </summary>
[BenchmarkCategory("iomt", StepCategories.Cpu)]
[AgentsPerEnv(8)]
public class IomtStepBenchmarks() : ScenarioStepBenchmarks(Case, DeviceKind.Cpu)
{
    public static StepCase Case { get; } = new("iomt", "random", "greedy-priority", PolicySeed: 1);

    [Params(1, 64, 1024, 16384)]
    public override int NumEnvs { get; set; }
}
