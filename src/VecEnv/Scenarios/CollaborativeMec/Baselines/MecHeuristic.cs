namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec.Baselines;

/// <summary>The baselines of spec §9; all emit a proto-action that goes through Algorithm 1.</summary>
public enum MecHeuristic
{
    /// <summary>B0: x̂, ŷ_b, ŵ ~ U[0, 1) from the policy's own stream.</summary>
    Random = 0,
    /// <summary>B1: x̂ = 1, ŷ = onehot(home), ŵ = 1 for every active device.</summary>
    OffloadAllHome = 1,
    /// <summary>B2 (paper baseline): the greedy engine with target list [home]; no peer offloading.</summary>
    Olnpo = 2,
    /// <summary>B3 (paper baseline): OLNPO, then CPU-rejected tasks of saturated BSs go to non-saturated peers.</summary>
    Lpwpo = 3,
    /// <summary>B4: one global greedy pass with target list [home] + peers by load ascending.</summary>
    Ggpo = 4,
}
