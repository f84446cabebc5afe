using static TorchSharp.torch;

namespace GpuTwin.Training.Distributions;

/// <summary>
/// D independent Beta(α, β) components per row, for actions bounded to [0, 1]: unlike a clipped
/// Gaussian it puts no probability mass outside the box, so the log-prob PPO sees is the log-prob of the
/// action actually executed (Chou, Maturana and Scherer, 2017).
/// </summary>
/// <remarks>
/// Sampling is X / (X + Y) with X ~ Gamma(α, 1), Y ~ Gamma(β, 1), drawn by <c>torch._standard_gamma</c>,
/// which takes a generator, so draws are reproducible for a seed. Values are clamped to
/// [<see cref="Epsilon"/>, 1 − <see cref="Epsilon"/>] so that log x and log(1 − x) stay finite.
/// </remarks>
public sealed class BetaDistribution : IActionDistribution
{
    /// <summary>Distance kept from 0 and 1 by samples and by the values scored in <see cref="LogProb"/>.</summary>
    public const double Epsilon = 1e-6;

    /// <param name="alpha">[N, D] concentration α &gt; 0 (the actor uses 1 + softplus, so α ≥ 1: unimodal).</param>
    /// <param name="beta">[N, D] concentration β &gt; 0.</param>
    public BetaDistribution(Tensor alpha, Tensor beta)
    {
        if (!alpha.shape.SequenceEqual(beta.shape)) throw new ArgumentException("alpha and beta must have the same shape.", nameof(beta));
        Alpha = alpha;
        Beta = beta;
    }

    public Tensor Alpha { get; }
    public Tensor Beta { get; }

    /// <inheritdoc/>
    public Tensor Sample(Generator? generator)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var x = _standard_gamma(Alpha, generator);
        var y = _standard_gamma(Beta, generator);
        // If both draws underflow to 0 (only for tiny concentrations) the clamp_min turns 0/0 into 0, then Epsilon.
        var ratio = x / (x + y).clamp_min(1e-30);
        return ratio.clamp(Epsilon, 1 - Epsilon).MoveToOuterDisposeScope();
    }

    /// <summary>The mean α / (α + β): a smooth, always-defined "greedy" action (the true mode does not exist for α, β ≤ 1).</summary>
    public Tensor Mode()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return (Alpha / (Alpha + Beta)).MoveToOuterDisposeScope();
    }

    /// <summary>Σ_d (α−1) ln x + (β−1) ln(1−x) − ln B(α, β), with x clamped like the samples.</summary>
    public Tensor LogProb(Tensor actions, Tensor? mask)
    {
        using var scope = NewDisposeScope();
        var x = actions.clamp(Epsilon, 1 - Epsilon);
        var perDim = (Alpha - 1) * x.log() + (Beta - 1) * (-x).log1p() - LogBeta();
        return MaskedSum.LastDim(perDim, mask).MoveToOuterDisposeScope();
    }

    /// <summary>Σ_d ln B(α, β) − (α−1) ψ(α) − (β−1) ψ(β) + (α+β−2) ψ(α+β).</summary>
    public Tensor Entropy(Tensor? mask)
    {
        using var scope = NewDisposeScope();
        var sum = Alpha + Beta;
        var perDim = LogBeta() - (Alpha - 1) * Alpha.digamma() - (Beta - 1) * Beta.digamma() + (sum - 2) * sum.digamma();
        return MaskedSum.LastDim(perDim, mask).MoveToOuterDisposeScope();
    }

    /// <summary>ln B(α, β) = lnΓ(α) + lnΓ(β) − lnΓ(α+β), elementwise [N, D].</summary>
    private Tensor LogBeta() => Alpha.lgamma() + Beta.lgamma() - (Alpha + Beta).lgamma();
}
