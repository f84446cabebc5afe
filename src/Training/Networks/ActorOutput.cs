using GpuTwin.Training.Distributions;
using static TorchSharp.torch;

namespace GpuTwin.Training.Networks;

/// <summary>
/// The action distributions one <see cref="Actor"/> forward pass produced: an optional multi-categorical part
/// and an optional continuous part (Beta or Gaussian). The two parts are independent given the observation,
/// so the joint log-prob and entropy are sums of the parts' — which is what the PPO ratio and bonus use.
/// </summary>
/// <param name="Discrete">[N, H, C] categorical heads, or null when the actor has none.</param>
/// <param name="Continuous">[N, D] continuous components, or null when the actor has none.</param>
public sealed record ActorOutput(MultiCategorical? Discrete, IActionDistribution? Continuous)
{
    /// <summary>
    /// Samples (or, when <paramref name="deterministic"/>, takes the mode of) both parts and returns the actions with
    /// their joint log-prob [N] under the masks. Both parts draw from the same <paramref name="generator"/>,
    /// discrete first, so a seeded generator reproduces the whole joint action.
    /// </summary>
    public (Tensor? Discrete, Tensor? Continuous, Tensor LogProb) Act(
        Generator? generator, bool deterministic, Tensor? discreteMask = null, Tensor? continuousMask = null)
    {
        using var scope = NewDisposeScope();
        Tensor? discrete = Discrete is null ? null : deterministic ? Discrete.Mode() : Discrete.Sample(generator);
        Tensor? continuous = Continuous is null ? null : deterministic ? Continuous.Mode() : Continuous.Sample(generator);
        var logProb = LogProb(discrete, continuous, discreteMask, continuousMask);
        return (discrete?.MoveToOuterDisposeScope(), continuous?.MoveToOuterDisposeScope(), logProb.MoveToOuterDisposeScope());
    }

    /// <summary>Joint log-prob [N] of stored actions: Σ discrete heads + Σ continuous components (masked ones add 0).</summary>
    /// <exception cref="ArgumentNullException">An action is missing for a part this output has.</exception>
    public Tensor LogProb(Tensor? discrete, Tensor? continuous, Tensor? discreteMask, Tensor? continuousMask)
    {
        using var scope = NewDisposeScope();
        Tensor? total = null;
        if (Discrete is not null)
            total = Discrete.LogProb(discrete ?? throw new ArgumentNullException(nameof(discrete), "The actor has categorical heads."), discreteMask);
        if (Continuous is not null)
        {
            var part = Continuous.LogProb(continuous ?? throw new ArgumentNullException(nameof(continuous), "The actor has continuous components."), continuousMask);
            total = total is null ? part : total + part;
        }
        return (total ?? throw new InvalidOperationException("ActorOutput has neither a discrete nor a continuous part.")).MoveToOuterDisposeScope();
    }

    /// <summary>Joint entropy [N]: the sum of both parts' (masked) entropies.</summary>
    public Tensor Entropy(Tensor? discreteMask, Tensor? continuousMask)
    {
        using var scope = NewDisposeScope();
        Tensor? total = Discrete?.Entropy(discreteMask);
        if (Continuous is not null)
        {
            var part = Continuous.Entropy(continuousMask);
            total = total is null ? part : total + part;
        }
        return (total ?? throw new InvalidOperationException("ActorOutput has neither a discrete nor a continuous part.")).MoveToOuterDisposeScope();
    }
}
