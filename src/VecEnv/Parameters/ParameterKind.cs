namespace GpuTwin.VecEnv.Parameters;

public enum ParameterKind
{
    /// <summary>A real number in [Min, Max].</summary>
    Real,
    /// <summary>A whole number in [Min, Max].</summary>
    Integer,
    /// <summary>One of named levels, stored as its index.</summary>
    Choice,
}
