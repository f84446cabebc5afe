namespace GpuTwin.VecEnv.Spaces;

/// <summary>A discrete choice plus continuous parameters (parameterised action space).</summary>
public sealed record Hybrid(Space Discrete, Box Continuous) : Space
{
    public override int DiscreteWidth => Discrete.DiscreteWidth;
    public override int ContinuousWidth => Continuous.ContinuousWidth;
    public override string Describe() => $"Hybrid({Discrete.Describe()} + {Continuous.Describe()})";
}
