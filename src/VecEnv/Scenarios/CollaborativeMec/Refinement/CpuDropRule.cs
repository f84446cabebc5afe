namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement;

/// <summary>Which tasks D4 keeps at a BS whose CPU budget is exceeded (spec §6 D4, §13 item 7). Stored per env as int.</summary>
public enum CpuDropRule
{
    /// <summary>The paper's while-loop: the longest prefix of the descending-ϱ order that fits (default).</summary>
    Prefix = 0,
    /// <summary>Walk the descending-ϱ order and skip each task that does not fit, then continue.</summary>
    GreedyFill = 1,
}
