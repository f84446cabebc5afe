using GpuTwin.Kernels.Memory;
using ILGPU;

namespace GpuTwin.VecEnv.Scenarios.IomtMultiTask.Baselines;

/// <summary>Per-launch arguments of the baseline kernel: which heuristic, its seed, and its own scratch.</summary>
public struct IomtBaselineArgs
{
    public int Heuristic;
    public ulong PolicySeed;
    /// <summary>[E, UMax·JMax] task order of H3 (task index i·JMax + j).</summary>
    public FieldView<int> Order;
    /// <summary>[E, UMax + KMax] H3's weight sums: users' local pools, then servers.</summary>
    public FieldView<float> PoolWeight;
}
