namespace GpuTwin.VecEnv.Spaces;

/// <summary><paramref name="Size"/> reals in [Low, High].</summary>
public sealed record Box(int Size, float Low, float High, string Meaning = "") : Space
{
    public override int DiscreteWidth => 0;
    public override int ContinuousWidth => Size;
    public override string Describe() => $"Box({Size}) in [{Low}, {High}]" + (Meaning.Length > 0 ? $": {Meaning}" : "");
}
