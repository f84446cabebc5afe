namespace GpuTwin.VecEnv.Scenarios.V2xOffloading;

/// <summary>ES positions (spec §2): the triangle at N = 3, otherwise a row-major grid of cell centres.</summary>
public static class V2xEsLayout
{
    public static (float X, float Y)[] Positions(int n, float w)
    {
        if (n == 3) return [(0.25f * w, 0.25f * w), (0.75f * w, 0.25f * w), (0.5f * w, 0.75f * w)];
        int cols = (int)Math.Ceiling(Math.Sqrt(n));
        int rows = (n + cols - 1) / cols;
        var p = new (float X, float Y)[n];
        for (int q = 0; q < n; q++)
        {
            int r = q / cols, c = q % cols;
            p[q] = ((float)((c + 0.5) * w / cols), (float)((r + 0.5) * w / rows));
        }
        return p;
    }
}
