using System.Reflection;
using BenchmarkDotNet.Running;

namespace GpuTwin.Benchmarks.Columns;

/// <summary>Agents per env of a scenario's benchmark class, for the <c>agent-steps/s</c> column.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AgentsPerEnvAttribute(int agents) : Attribute
{
    public int Agents { get; } = agents;
}

/// <summary>
/// <c>agent-steps/s</c> = env-steps/s × agents per env, where the agent count comes from the benchmark class's
/// <see cref="AgentsPerEnvAttribute"/> (scenarios differ: dt-sync 36, v2x 10, ...); "-" without one.
/// </summary>
public sealed class AgentStepsPerSecondColumn(string numEnvsParameter) : PerSecondColumn(numEnvsParameter, 1)
{
    public override string Id => nameof(AgentStepsPerSecondColumn);
    public override string ColumnName => "agent-steps/s";
    public override string Legend => "Agent steps per second: env-steps/s x agents per env (the class's [AgentsPerEnv])";
    public override int PriorityInCategory => 1;

    protected override double? Multiplier(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Descriptor.Type.GetCustomAttribute<AgentsPerEnvAttribute>()?.Agents;
}
