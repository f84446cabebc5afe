namespace GpuTwin.VecEnv.Scenarios;

/// <summary>A scenario id that is reserved and documented but not implemented yet.</summary>
public sealed record PlannedScenario(string Id, string Title, string Source);
