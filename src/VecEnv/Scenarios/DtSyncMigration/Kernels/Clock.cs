using ILGPU;
using static GpuTwin.VecEnv.Scenarios.DtSyncMigration.DtSyncParameters;

namespace GpuTwin.VecEnv.Scenarios.DtSyncMigration.Kernels;

/// <summary>S16–S17: migration countdowns tick, the slot advances, and the episode is truncated after Q·T slots.</summary>
public static class Clock
{
    public static void AdvanceClockKernel(Index1D e, DtSyncState s)
    {
        int kCount = s.Mus(e);
        for (int k = 0; k < kCount; k++)
        {
            int i = s.Mu(e, k);
            int c = s.MigCountdown[i] - 1;
            s.MigCountdown[i] = c > 0 ? c : 0;
        }
        int n = s.Slot[e] + 1;
        s.Slot[e] = n;
        s.Truncated[e] = n >= (int)s.P(e, SlotsPerFrame) * (int)s.P(e, FramesPerEpisode) ? (byte)1 : (byte)0;
        s.Terminated[e] = 0;
    }
}
