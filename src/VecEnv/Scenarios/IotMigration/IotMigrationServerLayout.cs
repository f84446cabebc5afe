using GpuTwin.VecEnv.Geometry;

namespace GpuTwin.VecEnv.Scenarios.IotMigration;

/// <summary>
/// Server positions (spec §2): the 5 × 3 grid of cell centres for N = 15 (x = 50 + 100c, y = W/6 + (W/3)r at
/// W = 500 m); other N: cols = ⌈√N⌉, rows = ⌈N/cols⌉, filled row-major; or uniform positions drawn once per
/// env from the seed (server_layout=random-fixed).
/// </summary>
public static class IotMigrationServerLayout
{
    public static (float X, float Y)[] Sites(int layout, int n, float w, ulong seed, int env)
    {
        if (layout == IotMigrationParameters.LayoutRandomFixed)
            return SiteLayout.Uniform(n, w, IotMigrationStreams.ResetRng(seed, env, 0), IotMigrationStreams.ServerLayout * IotMigrationStreams.SubsPerStream);
        return SiteLayout.Grid(n, w, n == 15 ? 5 : (int)Math.Ceiling(Math.Sqrt(n)));
    }
}
