using GpuTwin.Kernels.Numerics;

namespace GpuTwin.Kernels.Mobility;

/// <summary>How a mover is kept inside the rectangle [0, W] × [0, H].</summary>
public enum BorderMode
{
    /// <summary>Mirror the position and the heading (and the mean heading) at the wall.</summary>
    Reflect = 0,
    /// <summary>Torus: leave on one side, enter on the other.</summary>
    Wrap = 1,
}

/// <summary>Border handling shared by every mobility model.</summary>
public static class AreaBorder
{
    /// <summary>
    /// Reflects at the walls: x &lt; 0 → −x, x &gt; W → 2W − x with θ → π − θ; y likewise with θ → −θ.
    /// The mean heading of Gauss-Markov is mirrored too, so the drift does not push back into the wall.
    /// The x fix comes first, then y; a final clamp guards against steps longer than the area.
    /// </summary>
    public static void Reflect(ref float x, ref float y, ref float heading, ref float meanHeading, float width, float height)
    {
        if (x < 0f) { x = -x; heading = FMath.Pi - heading; meanHeading = FMath.Pi - meanHeading; }
        else if (x > width) { x = 2f * width - x; heading = FMath.Pi - heading; meanHeading = FMath.Pi - meanHeading; }
        if (y < 0f) { y = -y; heading = -heading; meanHeading = -meanHeading; }
        else if (y > height) { y = 2f * height - y; heading = -heading; meanHeading = -meanHeading; }
        x = x < 0f ? 0f : (x > width ? width : x);
        y = y < 0f ? 0f : (y > height ? height : y);
    }

    /// <summary>Wraps a coordinate into [0, size).</summary>
    public static float Wrap(float v, float size)
    {
        float r = v - size * FMath.Floor(v / size);
        return r >= size ? 0f : r;
    }

    public static void Apply(BorderMode mode, ref float x, ref float y, ref float heading, ref float meanHeading, float width, float height)
    {
        if (mode == BorderMode.Wrap)
        {
            x = Wrap(x, width);
            y = Wrap(y, height);
        }
        else
        {
            Reflect(ref x, ref y, ref heading, ref meanHeading, width, height);
        }
    }
}
