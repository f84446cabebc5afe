namespace GpuTwin.VecEnv.Scenarios.IomtMultiTask.Baselines;

/// <summary>The heuristic baselines of spec §9.</summary>
public enum IomtHeuristic
{
    /// <summary>H0: uniform target and shares per task.</summary>
    Random = 0,
    /// <summary>H1: every task local, equal shares.</summary>
    AllLocal = 1,
    /// <summary>H2: every task to the user's nearest server, equal shares.</summary>
    AllOffloadBest = 2,
    /// <summary>H3: DT-centralised greedy by priority, shares proportional to the priority weight.</summary>
    GreedyPriority = 3,
}
