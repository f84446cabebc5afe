namespace GpuTwin.VecEnv.Spaces;

/// <summary><paramref name="Count"/> independent choices, each in {0, …, N−1}.</summary>
public sealed record MultiDiscrete(int Count, int N, string Meaning = "") : Space
{
    public override int DiscreteWidth => Count;
    public override int ContinuousWidth => 0;
    public override string Describe() => $"MultiDiscrete({Count} x {N})" + (Meaning.Length > 0 ? $": {Meaning}" : "");
}
