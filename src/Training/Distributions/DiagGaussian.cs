using static TorchSharp.torch;

namespace GpuTwin.Training.Distributions;

/// <summary>
/// D independent Normal(μ, σ) components per row, σ = exp(logStd) — the CleanRL continuous-PPO head.
/// The environment clips actions to its bounds itself; the log-prob here is always that of the unclipped
/// sample, which is what makes the PPO importance ratio consistent between rollout and update.
/// </summary>
public sealed class DiagGaussian : IActionDistribution
{
    private static readonly double HalfLog2Pi = 0.5 * Math.Log(2 * Math.PI);

    /// <param name="mean">[N, D] means.</param>
    /// <param name="logStd">Log standard deviations, broadcastable to [N, D] (e.g. a state-independent [D] parameter).</param>
    public DiagGaussian(Tensor mean, Tensor logStd)
    {
        if (mean.dim() != 2) throw new ArgumentException($"mean must be [N, D], got {mean.dim()} dims.", nameof(mean));
        Mean = mean;
        LogStd = logStd.expand(mean.shape);
    }

    public Tensor Mean { get; }

    /// <summary>[N, D] log standard deviations (a broadcast view of the constructor argument).</summary>
    public Tensor LogStd { get; }

    /// <inheritdoc/>
    public Tensor Sample(Generator? generator)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var noise = randn(Mean.shape, dtype: Mean.dtype, device: Mean.device, generator: generator);
        return (Mean + LogStd.exp() * noise).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public Tensor Mode()
    {
        using var noGrad = no_grad();
        return Mean.detach().clone();
    }

    /// <summary>Σ_d −½((x−μ)/σ)² − ln σ − ½ ln 2π.</summary>
    public Tensor LogProb(Tensor actions, Tensor? mask)
    {
        using var scope = NewDisposeScope();
        var z = (actions - Mean) / LogStd.exp();
        var perDim = -0.5 * z.square() - LogStd - HalfLog2Pi;
        return MaskedSum.LastDim(perDim, mask).MoveToOuterDisposeScope();
    }

    /// <summary>Σ_d ½ + ½ ln 2π + ln σ.</summary>
    public Tensor Entropy(Tensor? mask)
    {
        using var scope = NewDisposeScope();
        var perDim = LogStd + (0.5 + HalfLog2Pi);
        return MaskedSum.LastDim(perDim, mask).MoveToOuterDisposeScope();
    }
}
