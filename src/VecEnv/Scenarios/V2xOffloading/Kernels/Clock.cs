using ILGPU;
using static GpuTwin.VecEnv.Scenarios.V2xOffloading.V2xParameters;

namespace GpuTwin.VecEnv.Scenarios.V2xOffloading.Kernels;

/// <summary>S11: t ← t + 1; the episode is truncated (time limit, never terminated) after T_ep slots.</summary>
public static class Clock
{
    public static void AdvanceClockKernel(Index1D e, V2xState s)
    {
        int t = s.Slot[e] + 1;
        s.Slot[e] = t;
        s.Truncated[e] = t >= (int)s.P(e, EpisodeSlots) ? (byte)1 : (byte)0;
        s.Terminated[e] = 0;
    }
}
