using BenchmarkDotNet.Attributes;
using GpuTwin.Benchmarks.Columns;
using GpuTwin.Kernels.Runtime;

namespace GpuTwin.Benchmarks.Step;

/// <summary>
/// iot-migration stepping on the fast host path at the spec defaults (ρ = 30 users per server, N = 15, so 450 user
/// agents per env). EnvStep re-steps with the "random" actions written once (auto-resets with the host join pass
/// included every H = 100 slots); PolicyAndStep runs the GreedySequential walk before every slot
/// (<see cref="ScenarioStepBenchmarks"/>). The scenario's X.509 authority is issued at the setup's reset, outside
/// any timing. Filter: <c>--filter '*IotMigration*'</c>.
/// </summary>
[BenchmarkCategory("iot-migration", StepCategories.Cpu)]
[AgentsPerEnv(450)]
public class IotMigrationStepBenchmarks() : ScenarioStepBenchmarks(Case, DeviceKind.Cpu)
{
    public static StepCase Case { get; } = new("iot-migration", "random", "greedy", PolicySeed: 1);

    [Params(1, 64, 1024, 16384)]
    public override int NumEnvs { get; set; }
}
