using static TorchSharp.torch;

namespace GpuTwin.Training.Distributions;

/// <summary>
/// A batch of action distributions, one per row (N = batch). PPO only needs these four operations:
/// draw actions during rollouts, take the mode when evaluating greedily, and re-score stored actions
/// (log-prob, entropy) under the current parameters during the update.
/// </summary>
/// <remarks>
/// Masks select which action components exist for a row (e.g. padded agents/slots), so one fixed-size
/// head serves variable-size problems: a masked component contributes exactly 0 to log-prob and entropy,
/// which keeps the PPO ratio and entropy bonus independent of padding.
/// </remarks>
public interface IActionDistribution
{
    /// <summary>Draws one action per row; reproducible for a seeded <paramref name="generator"/> (null = torch's default).
    /// Continuous: [N, D] float32; categorical: [N, H] int64. Detached: actions are data, not part of the graph.</summary>
    Tensor Sample(Generator? generator);

    /// <summary>The deterministic (greedy) action, same shape and dtype as <see cref="Sample"/>.</summary>
    Tensor Mode();

    /// <summary>Joint log-probability [N]: the sum over components of <paramref name="actions"/>, with masked
    /// components ([N, D] or [N, H], float 0/1; null = all active) contributing 0.</summary>
    Tensor LogProb(Tensor actions, Tensor? mask);

    /// <summary>Joint entropy [N] (sum over active components), masked like <see cref="LogProb"/>.</summary>
    Tensor Entropy(Tensor? mask);
}
