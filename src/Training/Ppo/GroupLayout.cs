using GpuTwin.VecEnv;
using GpuTwin.VecEnv.Spaces;

namespace GpuTwin.Training.Ppo;

/// <summary>How one agent group's actions and masks map to policy heads.</summary>
public sealed record GroupLayout(int Index, AgentGroup Group, int DiscreteHeads, int DiscreteChoices, int ContinuousDims, MaskKind Mask)
{
    public static GroupLayout Of(int index, AgentGroup g)
    {
        var space = g.ActionSpace;
        int choices = space switch
        {
            Discrete d => d.N,
            MultiDiscrete md => md.N,
            Hybrid { Discrete: Discrete d } => d.N,
            Hybrid { Discrete: MultiDiscrete md } => md.N,
            _ => 0,
        };
        int heads = space.DiscreteWidth, dims = space.ContinuousWidth;
        var mask = g.MaskWidth == 1 ? MaskKind.PerAgent
            : g.MaskWidth == heads && dims == 0 ? MaskKind.PerDiscreteHead
            : g.MaskWidth == dims && heads == 0 ? MaskKind.PerContinuousDim
            : g.MaskWidth == heads + dims ? MaskKind.PerComponent
            : throw new NotSupportedException($"group {g.Name}: mask width {g.MaskWidth} matches neither the agent, its {heads} discrete heads nor its {dims} continuous dims");
        return new GroupLayout(index, g, heads, choices, dims, mask);
    }
}

/// <summary>What one byte of a group's action mask covers.</summary>
public enum MaskKind
{
    /// <summary>One byte per agent covers all its components.</summary>
    PerAgent,
    /// <summary>One byte per discrete head (no continuous part).</summary>
    PerDiscreteHead,
    /// <summary>One byte per continuous dimension (no discrete part).</summary>
    PerContinuousDim,
    /// <summary>H bytes for the discrete heads, then D for the continuous dimensions.</summary>
    PerComponent,
}
