namespace GpuTwin.VecEnv.Scenarios.IotMigration.Baselines;

/// <summary>The baselines of spec §9.</summary>
public enum IotMigrationHeuristic
{
    /// <summary>a = 0 for every task (paper benchmark).</summary>
    Local = 0,
    /// <summary>a ~ U{0..A−1} from RANDPOL sub 0 (paper benchmark).</summary>
    Random = 1,
    /// <summary>a = 1: θ = 0, stay on the nearest server.</summary>
    EdgeAll = 2,
    /// <summary>θ = ½, stay.</summary>
    HalfSplit = 3,
    /// <summary>GreedySequential: the myopic DT oracle walking the decision order.</summary>
    Greedy = 4,
}
