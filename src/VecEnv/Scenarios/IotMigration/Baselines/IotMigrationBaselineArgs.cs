using GpuTwin.Kernels.Memory;
using ILGPU;

namespace GpuTwin.VecEnv.Scenarios.IotMigration.Baselines;

/// <summary>Per-launch arguments of the baseline kernels: which heuristic, its seed, and the greedy walk's scratch.</summary>
public struct IotMigrationBaselineArgs
{
    public int Heuristic;
    public ulong PolicySeed;
    /// <summary>[E, N] n̂_m: loads committed by the earlier users of the walk.</summary>
    public FieldView<int> Committed;
    /// <summary>[E, N] P̂_m: received power from every non-refused requester (the planning interference), W.</summary>
    public FieldView<float> PlanPowerW;
}
