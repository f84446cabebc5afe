namespace GpuTwin.VecEnv.Spaces;

/// <summary>
/// The shape of one agent's action. Discrete parts travel in the group's int action buffer and continuous
/// parts in its float buffer, each as [env, agent, width] row-major.
/// </summary>
public abstract record Space
{
    /// <summary>Ints per agent in the discrete action buffer.</summary>
    public abstract int DiscreteWidth { get; }
    /// <summary>Floats per agent in the continuous action buffer.</summary>
    public abstract int ContinuousWidth { get; }
    /// <summary>A short human description, e.g. <c>Box(1) in [0, 1]</c>.</summary>
    public abstract string Describe();
}
