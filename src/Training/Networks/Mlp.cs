using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GpuTwin.Training.Networks;

/// <summary>
/// The shared torso of actors and critics: [optional LayerNorm on the input] → (Linear → activation) per
/// hidden width. Layers are orthogonally initialised (gain √2 for ReLU, 5/3 for tanh) with zero bias.
/// </summary>
/// <remarks>The input LayerNorm is an alternative to running observation normalisation when the features
/// of one observation have very different scales (counts next to rates).</remarks>
public sealed class Mlp : nn.Module<Tensor, Tensor>
{
    private readonly Sequential layers;

    /// <param name="name">Module name (used in state-dict keys).</param>
    /// <param name="inputs">Input features per row.</param>
    /// <param name="hidden">Hidden widths, in order; empty = identity (apart from the optional LayerNorm).</param>
    /// <param name="activation">Non-linearity after every hidden layer.</param>
    /// <param name="inputLayerNorm">Normalise each input row (with learned affine) before the first layer.</param>
    public Mlp(string name, int inputs, int[] hidden, Activation activation = Activation.ReLU, bool inputLayerNorm = false)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(hidden);
        if (inputs <= 0) throw new ArgumentOutOfRangeException(nameof(inputs), inputs, "Need at least one input.");
        if (hidden.Any(h => h <= 0)) throw new ArgumentOutOfRangeException(nameof(hidden), "Hidden widths must be positive.");

        var modules = new List<(string, nn.Module<Tensor, Tensor>)>();
        if (inputLayerNorm) modules.Add(("input_norm", nn.LayerNorm(inputs)));
        int width = inputs;
        for (int i = 0; i < hidden.Length; i++)
        {
            modules.Add(($"fc{i}", LayerInit.Orthogonal(width, hidden[i], LayerInit.Gain(activation))));
            modules.Add(($"act{i}", activation == Activation.ReLU ? nn.ReLU() : nn.Tanh()));
            width = hidden[i];
        }

        InputSize = inputs;
        OutputSize = width;
        layers = nn.Sequential(modules);
        RegisterComponents();
    }

    public int InputSize { get; }

    /// <summary>Width of the output: the last hidden width (or the input size when there are no hidden layers).</summary>
    public int OutputSize { get; }

    /// <summary>[N, inputs] → [N, <see cref="OutputSize"/>].</summary>
    public override Tensor forward(Tensor input) => layers.forward(input);
}
