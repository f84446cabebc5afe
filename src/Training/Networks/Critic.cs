using TorchSharp.Modules;
using static TorchSharp.torch;

namespace GpuTwin.Training.Networks;

/// <summary>
/// State-value function V(s): an <see cref="Mlp"/> torso and one linear output (orthogonal gain 1, zero bias,
/// as in CleanRL). For MAPPO the input is the centralised (global) state; for IPPO the agent's own observation.
/// </summary>
public sealed class Critic : nn.Module<Tensor, Tensor>
{
    private readonly Mlp body;
    private readonly Linear value;

    public Critic(string name, int inputs, int[] hidden, Activation activation = Activation.ReLU, bool inputLayerNorm = false)
        : base(name)
    {
        body = new Mlp("body", inputs, hidden, activation, inputLayerNorm);
        value = LayerInit.Orthogonal(body.OutputSize, 1, gain: 1.0);
        RegisterComponents();
    }

    /// <summary>[N, inputs] → [N] values.</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return value.forward(body.forward(input)).squeeze(-1).MoveToOuterDisposeScope();
    }
}
