using GpuTwin.Kernels.Memory;
using ILGPU;

namespace GpuTwin.VecEnv.Scenarios.V2xOffloading.Baselines;

/// <summary>Per-launch arguments of the heuristic kernels: which heuristic, its seed, and its own scratch.</summary>
public struct V2xHeuristicArgs
{
    public int Heuristic;
    public ulong PolicySeed;
    /// <summary>[E, NMax] suffix counts cnt[j] = #{later vehicles in S with n_q = j}.</summary>
    public FieldView<int> Counts;
    /// <summary>[E, MMax] the ROCS coin per vehicle (1 = offload).</summary>
    public FieldView<byte> Coins;
}
