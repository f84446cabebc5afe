namespace GpuTwin.Benchmarks.Step;

/// <summary>
/// The dt-sync batch of the step benchmarks (<see cref="DtSyncStepBenchmarks"/>), which the peer benchmarks
/// (benchmarks/Peer) build and resolve the same way.
/// </summary>
public static class DtSyncBatch
{
    public const int StepsPerInvoke = ScenarioStepBenchmarks.StepsPerInvoke;
    public const int WarmupSteps = ScenarioStepBenchmarks.WarmupSteps;
    public const ulong Seed = ScenarioStepBenchmarks.Seed;
    /// <summary>Actions written once: max power, nearest BS, equal shares, never migrate.</summary>
    public const string EnvOnlyPolicy = "static";
    public const string StepPolicy = "deadline";

    public static StepCase Case { get; } = new("dt-sync", EnvOnlyPolicy, StepPolicy);
}
