using GpuTwin.Training.Distributions;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GpuTwin.Training.Networks;

/// <summary>
/// Policy network π(a | o): an <see cref="Mlp"/> torso feeding up to two heads, so every dt-sync agent kind fits
/// one class — H categorical heads of C choices each (e.g. CC: K slots × M channels), D continuous components
/// (e.g. BS: 2K values in [0, 1]), or both (MU: 1 × M channel choice plus 1 continuous value).
/// </summary>
/// <remarks>
/// Head initialisation follows the PPO implementation details: the categorical logits layer has orthogonal gain
/// 0.01 (near-uniform start); the Beta layer has gain 0.01 and bias −2, so α = β = 1 + softplus(−2) ≈ 1.13
/// (near uniform on [0, 1], but unimodal: α, β ≥ 1 always); the Gaussian mean layer has gain 0.01 and bias 0.5
/// (the middle of a [0, 1] box) with a state-independent log σ starting at ln 0.5.
/// </remarks>
public sealed class Actor : nn.Module
{
    /// <summary>Bias of the Beta head: 1 + softplus(−2) ≈ 1.127 for both α and β at initialisation.</summary>
    public const double BetaHeadBias = -2.0;

    /// <summary>Initial mean of the Gaussian head (centre of a [0, 1] action box).</summary>
    public const double GaussianMeanBias = 0.5;

    /// <summary>Initial standard deviation of the Gaussian head.</summary>
    public const double GaussianInitialStd = 0.5;

    private const double HeadGain = 0.01;

    private readonly Mlp body;
    private readonly Linear? logits;
    private readonly Linear? betaHead;
    private readonly Linear? gaussianMean;
    private readonly Parameter? gaussianLogStd;
    private readonly Linear? gaussianLogStdHead;

    /// <summary>Range of a state-dependent log σ: σ in [e^−5, e^1] keeps log-probs finite and exploration bounded.</summary>
    public const double MinLogStd = -5, MaxLogStd = 1;

    /// <param name="name">Module name (used in state-dict keys).</param>
    /// <param name="observationSize">Features per observation row.</param>
    /// <param name="hidden">Torso widths.</param>
    /// <param name="discreteHeads">H, number of categorical heads (0 = no categorical part).</param>
    /// <param name="discreteChoices">C, choices per head (ignored when H = 0).</param>
    /// <param name="continuousDims">D, continuous components (0 = no continuous part).</param>
    /// <param name="kind">Beta or Gaussian parameterisation of the continuous part.</param>
    /// <param name="activation">Torso non-linearity.</param>
    /// <param name="inputLayerNorm">LayerNorm on the observation before the torso.</param>
    /// <param name="stateDependentStd">Gaussian only: log σ from a linear layer on the features (bias ln 0.5) instead of a free parameter.</param>
    public Actor(string name, int observationSize, int[] hidden, int discreteHeads, int discreteChoices, int continuousDims,
        ContinuousHeadKind kind, Activation activation = Activation.ReLU, bool inputLayerNorm = false, bool stateDependentStd = false)
        : base(name)
    {
        if (discreteHeads < 0) throw new ArgumentOutOfRangeException(nameof(discreteHeads), discreteHeads, "Must be ≥ 0.");
        if (continuousDims < 0) throw new ArgumentOutOfRangeException(nameof(continuousDims), continuousDims, "Must be ≥ 0.");
        if (discreteHeads > 0 && discreteChoices < 1)
            throw new ArgumentOutOfRangeException(nameof(discreteChoices), discreteChoices, "Categorical heads need at least one choice.");
        if (discreteHeads == 0 && continuousDims == 0)
            throw new ArgumentException("An actor needs categorical heads, continuous components, or both.");
        if (kind is not (ContinuousHeadKind.Beta or ContinuousHeadKind.Gaussian))
            throw new ArgumentOutOfRangeException(nameof(kind), kind, null);

        DiscreteHeads = discreteHeads;
        DiscreteChoices = discreteHeads > 0 ? discreteChoices : 0;
        ContinuousDims = continuousDims;
        Kind = kind;

        body = new Mlp("body", observationSize, hidden, activation, inputLayerNorm);
        int features = body.OutputSize;
        if (discreteHeads > 0)
            logits = LayerInit.Orthogonal(features, discreteHeads * discreteChoices, HeadGain);
        if (continuousDims > 0 && kind == ContinuousHeadKind.Beta)
            betaHead = LayerInit.Orthogonal(features, 2 * continuousDims, HeadGain, BetaHeadBias);
        if (continuousDims > 0 && kind == ContinuousHeadKind.Gaussian)
        {
            gaussianMean = LayerInit.Orthogonal(features, continuousDims, HeadGain, GaussianMeanBias);
            if (stateDependentStd)
                gaussianLogStdHead = LayerInit.Orthogonal(features, continuousDims, HeadGain, Math.Log(GaussianInitialStd));
            else
                gaussianLogStd = nn.Parameter(full(continuousDims, Math.Log(GaussianInitialStd), dtype: ScalarType.Float32));
        }
        RegisterComponents();
    }

    /// <summary>H, the number of categorical heads (0 = none).</summary>
    public int DiscreteHeads { get; }

    /// <summary>C, the choices per categorical head (0 when there are no heads).</summary>
    public int DiscreteChoices { get; }

    /// <summary>D, the number of continuous components (0 = none).</summary>
    public int ContinuousDims { get; }

    public ContinuousHeadKind Kind { get; }

    /// <summary>Builds the action distributions for a batch of observations.</summary>
    /// <param name="observations">[N, observationSize].</param>
    /// <param name="validChoices">Optional [N, H, C] bool action mask for the categorical heads (false = never chosen).</param>
    public ActorOutput Forward(Tensor observations, Tensor? validChoices = null)
    {
        Tensor? headLogits = null, alpha = null, beta = null, mean = null, logStd = null;
        using (var scope = NewDisposeScope())   // frees the torso activations' handles; autograd keeps what it needs
        {
            var features = body.forward(observations);
            if (logits is not null)
                headLogits = logits.forward(features).reshape(observations.shape[0], DiscreteHeads, DiscreteChoices).MoveToOuterDisposeScope();
            if (betaHead is not null)
            {
                var raw = betaHead.forward(features);
                alpha = (1 + nn.functional.softplus(raw[.., ..ContinuousDims])).MoveToOuterDisposeScope();
                beta = (1 + nn.functional.softplus(raw[.., ContinuousDims..])).MoveToOuterDisposeScope();
            }
            if (gaussianMean is not null)
                mean = gaussianMean.forward(features).MoveToOuterDisposeScope();
            if (gaussianLogStdHead is not null)
                logStd = gaussianLogStdHead.forward(features).clamp(MinLogStd, MaxLogStd).MoveToOuterDisposeScope();
        }

        var discrete = headLogits is null ? null : new MultiCategorical(headLogits, validChoices);
        IActionDistribution? continuous =
            alpha is not null ? new BetaDistribution(alpha, beta!)
            : mean is not null ? new DiagGaussian(mean, logStd ?? gaussianLogStd!)
            : null;
        return new ActorOutput(discrete, continuous);
    }
}
