using GpuTwin.Kernels.Memory;
using ILGPU;

namespace GpuTwin.VecEnv.Scenarios.DtSyncMigration.Baselines;

/// <summary>Per-launch arguments of the baseline kernel: which heuristic, its seed, and its own scratch.</summary>
public struct BaselineArgs
{
    public int Heuristic;
    public ulong PolicySeed;
    /// <summary>[E, MMax] received power per BS during the power-control iteration.</summary>
    public FieldView<float> RxTotalW;
    /// <summary>[E, KMax] target SINR γ* (B4), 0 for non-participants.</summary>
    public FieldView<float> TargetSinr;
}
