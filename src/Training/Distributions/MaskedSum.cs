using static TorchSharp.torch;

namespace GpuTwin.Training.Distributions;

/// <summary>Sum over the last dimension with an optional 0/1 mask, shared by all distributions so that
/// masking means the same thing everywhere (a masked component adds exactly 0).</summary>
internal static class MaskedSum
{
    /// <summary>[N, K] -> [N]: Σ_k values[n, k] over the k where mask[n, k] != 0 (mask null = all; float or bool).</summary>
    public static Tensor LastDim(Tensor values, Tensor? mask)
    {
        if (mask is null) return values.sum(-1);
        if (!mask.shape.SequenceEqual(values.shape))
            throw new ArgumentException(
                $"Mask shape [{string.Join(", ", mask.shape)}] must equal the component shape [{string.Join(", ", values.shape)}].",
                nameof(mask));

        using var scope = NewDisposeScope();
        // where() rather than a product, so a masked component that is -inf or NaN still adds 0 (and no NaN gradient).
        var kept = where(mask.to_type(values.dtype) != 0, values, zeros_like(values));
        return kept.sum(-1).MoveToOuterDisposeScope();
    }
}
