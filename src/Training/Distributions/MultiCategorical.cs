using static TorchSharp.torch;

namespace GpuTwin.Training.Distributions;

/// <summary>
/// H independent categorical choices per row, each over C options (e.g. one channel choice per slot),
/// with optional action masking: invalid options get logit -1e9, so their probability is exactly 0 in
/// float32 and they are never sampled, while the remaining options are renormalised (the usual
/// "invalid action masking" of Huang and Ontañón, 2020).
/// </summary>
public sealed class MultiCategorical : IActionDistribution
{
    /// <summary>Logit given to invalid options; large enough that exp underflows to 0, finite so no NaNs appear.</summary>
    public const float InvalidLogit = -1e9f;

    /// <param name="logits">[N, H, C] unnormalised log-probabilities.</param>
    /// <param name="valid">Optional [N, H, C] bool: false marks an option that must never be chosen.
    /// A head with no valid option at all degenerates to uniform over C (nothing sensible to renormalise to).</param>
    public MultiCategorical(Tensor logits, Tensor? valid = null)
    {
        if (logits.dim() != 3) throw new ArgumentException($"logits must be [N, H, C], got {logits.dim()} dims.", nameof(logits));
        if (valid is not null && !valid.shape.SequenceEqual(logits.shape))
            throw new ArgumentException("valid must have the same shape as logits [N, H, C].", nameof(valid));

        Logits = valid is null ? logits : logits.masked_fill(valid.logical_not(), InvalidLogit);
        LogProbs = Logits.log_softmax(-1);
    }

    /// <summary>[N, H, C] logits after masking.</summary>
    public Tensor Logits { get; }

    /// <summary>[N, H, C] normalised log-probabilities (log-softmax of <see cref="Logits"/>).</summary>
    public Tensor LogProbs { get; }

    public long Heads => Logits.shape[1];
    public long Choices => Logits.shape[2];

    /// <inheritdoc/>
    public Tensor Sample(Generator? generator)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        long n = Logits.shape[0];
        var probs = LogProbs.exp().reshape(-1, Choices);
        var choice = multinomial(probs, 1, replacement: true, generator: generator);
        return choice.reshape(n, Heads).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public Tensor Mode()
    {
        using var noGrad = no_grad();
        return Logits.argmax(-1);
    }

    /// <summary>Σ_h mask[n,h] · log softmax(logits[n,h])[a[n,h]]; <paramref name="actions"/> [N, H] int64.</summary>
    public Tensor LogProb(Tensor actions, Tensor? mask)
    {
        using var scope = NewDisposeScope();
        var perHead = LogProbs.gather(-1, actions.to_type(ScalarType.Int64).unsqueeze(-1)).squeeze(-1);
        return MaskedSum.LastDim(perHead, mask).MoveToOuterDisposeScope();
    }

    /// <summary>Σ_h mask[n,h] · (−Σ_c p log p); invalid options have p = 0 and add nothing.</summary>
    public Tensor Entropy(Tensor? mask)
    {
        using var scope = NewDisposeScope();
        var perHead = -(LogProbs.exp() * LogProbs).sum(-1);
        return MaskedSum.LastDim(perHead, mask).MoveToOuterDisposeScope();
    }
}
