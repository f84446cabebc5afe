namespace GpuTwin.Training.Ppo;

/// <summary>Which member of the PPO family (spec §10).</summary>
public enum PpoAlgorithm
{
    /// <summary>Independent PPO: each group's critic sees only its own observation.</summary>
    Ippo,
    /// <summary>Multi-agent PPO: centralised critics on the global state, all groups update simultaneously.</summary>
    Mappo,
    /// <summary>Heterogeneous-agent PPO: centralised critics, groups update one after another in a random order, each
    /// weighting its advantage by the product M of the ratios of the groups updated before it.</summary>
    Happo,
}
