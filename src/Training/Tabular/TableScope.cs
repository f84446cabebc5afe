namespace GpuTwin.Training.Tabular;

/// <summary>How agents map to tables (spec §10.1).</summary>
public enum TableScope
{
    /// <summary>All user-agents of an env share one table; each env is an independent training run.</summary>
    SharedPerEnv,
}
