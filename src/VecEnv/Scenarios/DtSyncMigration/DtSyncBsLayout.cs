using GpuTwin.Kernels.Random;

namespace GpuTwin.VecEnv.Scenarios.DtSyncMigration;

/// <summary>BS positions (spec §2): symmetric layouts for M ≤ 5, a grid of cell centres above, or uniform per env.</summary>
public static class DtSyncBsLayout
{
    /// <summary>Fixed symmetric positions in m for M BSs in a W × W square.</summary>
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

    /// <summary>Uniform positions drawn once per env from the seed (the <c>random-fixed</c> layout).</summary>
    public static (float X, float Y)[] RandomFixed(int m, float w, ulong seed, int env)
    {
        var rng = new CounterRng(seed, env, 0, DtSyncStreams.ResetStep);
        var result = new (float, float)[m];
        for (int i = 0; i < m; i++)
        {
            var u = rng.Uniforms(DtSyncStreams.BsLayout, i);
            result[i] = (w * (1f - u.A), w * (1f - u.B));
        }
        return result;
    }
}
