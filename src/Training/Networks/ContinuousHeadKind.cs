namespace GpuTwin.Training.Networks;

/// <summary>How the actor parameterises its continuous action components.</summary>
public enum ContinuousHeadKind
{
    /// <summary>Beta(α, β) on [0, 1]: bounded by construction, no clipping bias (state-dependent α, β).</summary>
    Beta,

    /// <summary>Normal(μ, σ) with a state-independent log σ, as in CleanRL's continuous PPO; the environment clips.</summary>
    Gaussian,
}
