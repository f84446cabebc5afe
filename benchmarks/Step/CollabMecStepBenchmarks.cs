using BenchmarkDotNet.Attributes;
using GpuTwin.Benchmarks.Columns;
using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Scenarios.CollaborativeMec;

namespace GpuTwin.Benchmarks.Step;

/// <summary>
/// collab-mec stepping on the fast host path at the calibrated defaults (N = 3 BSs, 30/55/80 devices, central view).
/// EnvStep re-steps with one fixed random proto-action (Algorithm 1 included: it is part of the env step);
/// PolicyAndStep runs the GGPO baseline's kernel before every step (<see cref="ScenarioStepBenchmarks"/>);
/// Decode runs only Algorithm 1 on the fixed proto-action, so EnvStep − Decode is the rest of the physics.
/// Filter: <c>--filter '*CollabMec*'</c>.
/// </summary>
[BenchmarkCategory("collab-mec", StepCategories.Cpu)]
[AgentsPerEnv(1)]
public class CollabMecStepBenchmarks() : ScenarioStepBenchmarks(Case, DeviceKind.Cpu)
{
    public static StepCase Case { get; } = new("collab-mec", "random", "ggpo", PolicySeed: 1);

    [Params(1, 64, 1024, 16384)]
    public override int NumEnvs { get; set; }

    [GlobalSetup(Target = nameof(Decode))]
    public void SetupDecode() => SetupEnvStep();

    /// <summary>Algorithm 1 alone on the proto-action the env-only setup wrote.</summary>
    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    [BenchmarkCategory(StepCategories.EnvStep)]
    public void Decode()
    {
        var env = (CollabMecEnv)Env;
        var s = env.State;
        for (int i = 0; i < StepsPerInvoke; i++) env.Refinement.Decode(s.RefinementViews, s.Proto, env.NumEnvs);
        env.Device.Synchronize();
    }
}
