namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement;

/// <summary>How D4/D5 turn the proto-action's CPU weight into f (spec §6 D5, §12 item 6). Stored per env as int.</summary>
public enum CpuMode
{
    /// <summary>D4 tests Σ l ≤ F_b; f = l + the spare split by the weights (default).</summary>
    DemandBased = 0,
    /// <summary>f = ŵ·F_b; D4 tests Σ f ≤ F_b in the same priority order; tasks with f &lt; l miss their deadline.</summary>
    ActorLiteral = 1,
}
