using GpuTwin.Kernels.Memory;
using GpuTwin.VecEnv.Scenarios.DtSyncMigration;
using ILGPU;
using ILGPU.Runtime;

namespace GpuTwin.Benchmarks.Peer;

/// <summary>The kernels' per-slot results read back from a <see cref="DtSyncEnv"/> right after <see cref="DtSyncEnv.Resolve"/>.</summary>
public sealed class DtSyncKernelSlot
{
    public required float[] TxPowerW, Sinr, RateBps, CpuHz, WiredBps, DelayS, EnergyJ, VQueue, VQueueFrame;
    public required byte[] Transmitting, Blocked, Failed;
    public required int[] DtHost, MigCountdown;
    public required float[] RewardGlobal; // [E]

    public static DtSyncKernelSlot Capture(DtSyncEnv env)
    {
        env.Device.Synchronize();
        var s = env.State;
        int n = env.NumEnvs * env.KMax;
        return new DtSyncKernelSlot
        {
            TxPowerW = Read(s.TxPowerW, n), Sinr = Read(s.Sinr, n), RateBps = Read(s.RateBps, n),
            CpuHz = Read(s.CpuHz, n), WiredBps = Read(s.WiredBps, n), DelayS = Read(s.DelayS, n),
            EnergyJ = Read(s.EnergyJ, n), VQueue = Read(s.VQueue, n), VQueueFrame = Read(s.VQueueFrame, n),
            Transmitting = Read(s.Transmitting, n), Blocked = Read(s.Blocked, n), Failed = Read(s.Failed, n),
            DtHost = Read(s.DtHost, n), MigCountdown = Read(s.MigCountdown, n),
            RewardGlobal = Read(s.RewardGlobal, env.NumEnvs),
        };
    }

    internal static T[] Read<T>(FieldView<T> view, int length) where T : unmanaged => view.SubView(0, length).GetAsArray();
}

/// <summary>The kernels' mobility state read back after <see cref="DtSyncEnv.Advance"/> (valid for envs that were not auto-reset).</summary>
public sealed class DtSyncKernelMobility
{
    public required float[] PosX, PosY, Speed, Heading, MeanHeading;

    public static DtSyncKernelMobility Capture(DtSyncEnv env)
    {
        env.Device.Synchronize();
        var s = env.State;
        int n = env.NumEnvs * env.KMax;
        return new DtSyncKernelMobility
        {
            PosX = DtSyncKernelSlot.Read(s.PosX, n), PosY = DtSyncKernelSlot.Read(s.PosY, n),
            Speed = DtSyncKernelSlot.Read(s.Speed, n), Heading = DtSyncKernelSlot.Read(s.Heading, n),
            MeanHeading = DtSyncKernelSlot.Read(s.MeanHeading, n),
        };
    }
}
