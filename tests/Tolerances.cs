namespace GpuTwin.Tests;

/// <summary>Named tolerances, each with where its size comes from.</summary>
public static class Tolerances
{
    /// <summary>float32 has 24 mantissa bits (6e-8); a handful of operations with log/exp keep ~1e-6 relative.</summary>
    public const double FloatChain = 2e-6;
    /// <summary>exp·E1 in float: the x ≤ 1 series cancels up to ~4 digits near x = 1, so 1e-5 relative.</summary>
    public const double ExpE1 = 1e-5;
    /// <summary>Capacities are sums of ≤ 256 float shares, each rounded: 1e-5 relative is > 256 ulp.</summary>
    public const double ShareSum = 1e-5;
}
