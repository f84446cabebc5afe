namespace GpuTwin.Benchmarks.Columns;

/// <summary><c>env-steps/s</c> = NumEnvs / mean seconds per batch step.</summary>
public sealed class EnvStepsPerSecondColumn(string numEnvsParameter) : PerSecondColumn(numEnvsParameter, 1)
{
    public override string Id => nameof(EnvStepsPerSecondColumn);
    public override string ColumnName => "env-steps/s";
    public override string Legend => $"Environment steps per second: {ParameterName} / mean seconds per step of the whole batch";
    public override int PriorityInCategory => 0;
}
