namespace GpuTwin.Benchmarks.Columns;

/// <summary><c>agent-steps/s</c> = env-steps/s × agents per env.</summary>
public sealed class AgentStepsPerSecondColumn(string numEnvsParameter, int agentsPerEnv)
    : PerSecondColumn(numEnvsParameter, agentsPerEnv)
{
    public override string Id => nameof(AgentStepsPerSecondColumn);
    public override string ColumnName => "agent-steps/s";
    public override string Legend => $"Agent steps per second: env-steps/s x {agentsPerEnv} agents per env";
    public override int PriorityInCategory => 1;
}
