using GpuTwin.Kernels.Random;
using GpuTwin.VecEnv.Geometry;

namespace GpuTwin.VecEnv.Scenarios.DtSyncMigration;

/// <summary>BS positions (spec §2): the shared symmetric layouts, or uniform per env from the seed.</summary>
public static class DtSyncBsLayout
{
    public static (float X, float Y)[] Symmetric(int m, float w) => SiteLayout.Symmetric(m, w);

    /// <summary>Uniform positions drawn once per env from the seed (the <c>random-fixed</c> layout).</summary>
    public static (float X, float Y)[] RandomFixed(int m, float w, ulong seed, int env) =>
        SiteLayout.Uniform(m, w, new CounterRng(seed, env, 0, DtSyncStreams.ResetStep), DtSyncStreams.BsLayout);
}
