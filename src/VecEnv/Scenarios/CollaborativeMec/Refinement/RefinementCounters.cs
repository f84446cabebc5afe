namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement;

/// <summary>Columns of <see cref="RefinementViews.Counters"/>: the decoder's counts of one slot (spec §6 S3 outputs).</summary>
public static class RefinementCounters
{
    /// <summary>n_nn = Σ x' (tasks offloaded by D1).</summary>
    public const int NnOffloads = 0;
    /// <summary>n_energy_drop = Σ (x' − x'') (D2).</summary>
    public const int EnergyDrops = 1;
    /// <summary>n_cpu_drop: tasks with x'' = 1, a finite demand l and x = 0 (dropped by D4's CPU budget).</summary>
    public const int CpuDrops = 2;
    /// <summary>
    /// n_infeasible: tasks with x'' = 1 whose deadline cannot be met (l = L_INF). DemandBased drops them all, so
    /// there Σ x'' = Σ x + n_cpu_drop + n_infeasible; ActorLiteral may keep some (they then miss their deadline).
    /// </summary>
    public const int InfeasibleDrops = 3;
    public const int Count = 4;
}
