using GpuTwin.Kernels.Random;
using GpuTwin.VecEnv.Geometry;

namespace GpuTwin.VecEnv.Scenarios.IomtMultiTask;

/// <summary>Server positions (spec §2): the symmetric table for N^m ≤ 5, a grid of cell centres above, or uniform from the seed.</summary>
public static class IomtServerLayout
{
    public static (float X, float Y)[] Symmetric(int m, float w) => SiteLayout.Symmetric(m, w);

    /// <summary>Uniform positions drawn once from the seed; <paramref name="layoutEnv"/> is 0 for <c>layout_key=run</c>.</summary>
    public static (float X, float Y)[] RandomFixed(int m, float w, ulong seed, int layoutEnv)
    {
        return SiteLayout.Uniform(m, w, new CounterRng(seed, layoutEnv, IomtStreams.LayoutEpisode, IomtStreams.LayoutStep), IomtStreams.ServerLayout);
    }
}
