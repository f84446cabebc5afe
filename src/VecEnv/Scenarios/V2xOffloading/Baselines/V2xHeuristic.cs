namespace GpuTwin.VecEnv.Scenarios.V2xOffloading.Baselines;

/// <summary>The non-learning policies of spec §9, plus uniform random raw actions.</summary>
public enum V2xHeuristic
{
    /// <summary>ALCS: every task local.</summary>
    AllLocal = 0,
    /// <summary>AMCS: nearest ES, full power, DT-informed equal split of CPU and bandwidth.</summary>
    AllMec = 1,
    /// <summary>ROCS: a fair coin per vehicle between local and AMCS (shares split among coin-1 vehicles).</summary>
    RandomCoin = 2,
    /// <summary>GREEDY-DT: the myopic minimum of the exact cost over local and every feasible ES.</summary>
    GreedyDt = 3,
    /// <summary>Uniform u ∈ [−1, 1]⁴ through the env's own decoder.</summary>
    Random = 4,
}
