using ILGPU;

namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec.Kernels;

/// <summary>S9: the clock advances; after the next slot's draws the episode end is decided (truncation only).</summary>
public static class Clock
{
    /// <summary>t ← t + 1 and the episode income accumulates r(t).</summary>
    public static void AdvanceClockKernel(Index1D e, CollabMecState s)
    {
        s.Slot[e] = s.Slot[e] + 1;
        s.EpisodeIncome[e] += s.Reward[e];
    }

    /// <summary>Truncated iff T_ep &gt; 0 and t = T_ep; the problem is continuing, so nothing terminates.</summary>
    public static void EpisodeEndKernel(Index1D e, CollabMecState s)
    {
        int tEp = s.EpisodeLen[e];
        s.Truncated[e] = tEp > 0 && s.Slot[e] >= tEp ? (byte)1 : (byte)0;
        s.Terminated[e] = 0;
    }
}
