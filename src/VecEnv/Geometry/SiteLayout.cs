using GpuTwin.Kernels.Random;

namespace GpuTwin.VecEnv.Geometry;

/// <summary>
/// Base-station / server sites in a W × W square, shared by the scenarios whose specs use the same layouts
/// (dt-sync §2, iomt §2): symmetric points for up to 5 sites, a grid of cell centres above, or uniform draws.
/// </summary>
public static class SiteLayout
{
    /// <summary>
    /// 1: centre; 2: (¼, ½), (¾, ½); 3: (¼, ¼), (¾, ¼), (½, ¾); 4: the four (¼|¾, ¼|¾); 5: those four plus the centre;
    /// ≥ 6: cols = ⌈√M⌉, rows = ⌈M/cols⌉, cell centres filled row-major. All in units of W.
    /// </summary>
    public static (float X, float Y)[] Symmetric(int m, float w)
    {
        (float, float) P(float fx, float fy) => (fx * w, fy * w);
        switch (m)
        {
            case 1: return [P(0.5f, 0.5f)];
            case 2: return [P(0.25f, 0.5f), P(0.75f, 0.5f)];
            case 3: return [P(0.25f, 0.25f), P(0.75f, 0.25f), P(0.5f, 0.75f)];
            case 4: return [P(0.25f, 0.25f), P(0.75f, 0.25f), P(0.25f, 0.75f), P(0.75f, 0.75f)];
            case 5: return [P(0.25f, 0.25f), P(0.75f, 0.25f), P(0.25f, 0.75f), P(0.75f, 0.75f), P(0.5f, 0.5f)];
        }
        return Grid(m, w, (int)Math.Ceiling(Math.Sqrt(m)));
    }

    /// <summary>Centres of a cols × ⌈M/cols⌉ grid of equal cells, filled row-major; the first M are used.</summary>
    public static (float X, float Y)[] Grid(int m, float w, int cols)
    {
        int rows = (m + cols - 1) / cols;
        var result = new (float, float)[m];
        for (int i = 0; i < m; i++)
        {
            int r = i / cols, c = i % cols;
            result[i] = ((c + 0.5f) * w / cols, (r + 0.5f) * w / rows);
        }
        return result;
    }

    /// <summary>Uniform sites from the given random source; site i uses entity i of <paramref name="stream"/>.</summary>
    public static (float X, float Y)[] Uniform(int m, float w, CounterRng rng, int stream)
    {
        var result = new (float, float)[m];
        for (int i = 0; i < m; i++)
        {
            var u = rng.Uniforms(stream, i);
            result[i] = (w * (1f - u.A), w * (1f - u.B));
        }
        return result;
    }
}
