using GpuTwin.VecEnv.Parameters;
using static GpuTwin.VecEnv.Scenarios.CollaborativeMec.CollabMecParameters;

namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec;

/// <summary>
/// The spec §4 configuration arrays of a batch, built on the host from the per-env parameters: BS and device
/// masks, F per BS, the wired topology, the per-BS award and density scales, and per-env copies of scalars.
/// Inactive BSs have F = 0, no links and no devices.
/// </summary>
public sealed class CollabMecConfig
{
    private readonly ParameterGrid _grid;

    public byte[] BsActive { get; }
    public byte[] DevActive { get; }
    public float[] CpuHz { get; }
    public float[] WiredBps { get; }
    public float[] AwardScale { get; }
    public float[] DensityScale { get; }

    public CollabMecConfig(ParameterGrid grid, int nMax, int uMax)
    {
        _grid = grid;
        int e = grid.NumEnvs;
        BsActive = new byte[e * nMax];
        DevActive = new byte[e * nMax * uMax];
        CpuHz = new float[e * nMax];
        WiredBps = new float[e * nMax * nMax];
        AwardScale = new float[e * nMax];
        DensityScale = new float[e * nMax];
        for (int env = 0; env < e; env++)
        {
            int n = (int)grid.Value(env, BsCount);
            int topology = (int)grid.Value(env, WiredTopology);
            float c = (float)grid.Value(env, WiredBpsKey);
            for (int i = 0; i < n; i++)
            {
                int bs = env * nMax + i;
                BsActive[bs] = 1;
                CpuHz[bs] = (float)grid.Value(env, CpuHzKey);
                AwardScale[bs] = (float)grid.Value(env, AwardScaleKey(i));
                DensityScale[bs] = (float)(grid.Value(env, DensityScaleKey(i)) * (i > 0 ? grid.Value(env, DensityScaleOthers) : 1.0));
                int devices = (int)grid.Value(env, DevicesKey(i));
                for (int j = 0; j < devices; j++) DevActive[bs * uMax + j] = 1;
                for (int b = 0; b < n; b++)
                {
                    bool linked = b != i && topology switch
                    {
                        TopologyFullMesh => true,
                        TopologyStar => i == 0 || b == 0,
                        _ => false,
                    };
                    WiredBps[bs * nMax + b] = linked ? c : 0f;
                }
            }
        }
    }

    public float[] PerEnv(int parameter) =>
        Enumerable.Range(0, _grid.NumEnvs).Select(env => (float)_grid.Value(env, parameter)).ToArray();

    public int[] PerEnvInt(int parameter) =>
        Enumerable.Range(0, _grid.NumEnvs).Select(env => (int)_grid.Value(env, parameter)).ToArray();
}
