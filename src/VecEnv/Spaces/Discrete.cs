namespace GpuTwin.VecEnv.Spaces;

/// <summary>One choice in {0, …, N−1}.</summary>
public sealed record Discrete(int N, string Meaning = "") : Space
{
    public override int DiscreteWidth => 1;
    public override int ContinuousWidth => 0;
    public override string Describe() => $"Discrete({N})" + (Meaning.Length > 0 ? $": {Meaning}" : "");
}
