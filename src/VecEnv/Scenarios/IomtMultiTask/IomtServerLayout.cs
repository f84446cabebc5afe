using GpuTwin.Kernels.Random;

namespace GpuTwin.VecEnv.Scenarios.IomtMultiTask;

/// <summary>Server positions (spec §2): the symmetric table for N^m ≤ 5, a grid of cell centres above, or uniform from the seed.</summary>
public static class IomtServerLayout
{
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
        int cols = (int)Math.Ceiling(Math.Sqrt(m));
        int rows = (m + cols - 1) / cols;
        var result = new (float, float)[m];
        for (int i = 0; i < m; i++)
        {
            int r = i / cols, c = i % cols;
            result[i] = ((c + 0.5f) * w / cols, (r + 0.5f) * w / rows);
        }
        return result;
    }

    /// <summary>Uniform positions drawn once from the seed; <paramref name="layoutEnv"/> is 0 for <c>layout_key=run</c>.</summary>
    public static (float X, float Y)[] RandomFixed(int m, float w, ulong seed, int layoutEnv)
    {
        var rng = new CounterRng(seed, layoutEnv, IomtStreams.LayoutEpisode, IomtStreams.LayoutStep);
        var result = new (float, float)[m];
        for (int k = 0; k < m; k++)
        {
            var u = rng.Uniforms(IomtStreams.ServerLayout, k);
            result[k] = (w * (1f - u.A), w * (1f - u.B));
        }
        return result;
    }
}
