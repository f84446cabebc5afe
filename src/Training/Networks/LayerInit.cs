using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GpuTwin.Training.Networks;

/// <summary>
/// Orthogonal weight initialisation with a chosen gain and a constant bias — the PPO "implementation detail"
/// (Engstrom et al., 2020; Huang et al., 2022) that keeps activations well scaled at the start and makes the
/// output heads start almost uniform (small gain) so early exploration is not biased.
/// </summary>
internal static class LayerInit
{
    /// <summary>Gain that preserves activation variance through one hidden layer: √2 for ReLU, 5/3 for tanh.</summary>
    public static double Gain(Activation activation) => activation switch
    {
        Activation.ReLU => Math.Sqrt(2.0),
        Activation.Tanh => 5.0 / 3.0,
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, null),
    };

    /// <summary>A new <c>Linear(inputs, outputs)</c> with orthogonal weights scaled by <paramref name="gain"/> and all biases = <paramref name="bias"/>.</summary>
    public static Linear Orthogonal(int inputs, int outputs, double gain, double bias = 0.0)
    {
        var layer = nn.Linear(inputs, outputs);
        using (no_grad())
        {
            nn.init.orthogonal_(layer.weight!, gain);
            layer.bias!.fill_(bias);
        }
        return layer;
    }
}
