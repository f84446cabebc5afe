namespace GpuTwin.Benchmarks.Step;

/// <summary>
/// What a scenario's step benchmarks run: the scenario id (<see cref="GpuTwin.VecEnv.Scenarios.ScenarioRegistry"/>),
/// the baseline whose actions are written once for env-only stepping, the baseline run before every step, and the
/// seed the policies are created with.
/// </summary>
public sealed record StepCase(string Scenario, string EnvOnlyPolicy, string StepPolicy, ulong PolicySeed = ScenarioStepBenchmarks.Seed);
