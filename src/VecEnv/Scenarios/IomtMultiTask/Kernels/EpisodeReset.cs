using ILGPU;

namespace GpuTwin.VecEnv.Scenarios.IomtMultiTask.Kernels;

/// <summary>
/// Starts an episode (spec §2 auto-reset): R_i ← Cap_i, t ← 0, the "previous step" server loads ← 0.
/// Positions and transmit powers are kept; the first tasks are drawn by <see cref="TaskDraws"/> afterwards.
/// </summary>
public static class EpisodeReset
{
    /// <summary>onlyDone = 0: every env to episode 0 (Reset(seed)). 1: only envs that terminated or were truncated, to their next episode.</summary>
    public static void ResetKernel(Index1D e, IomtState s, int onlyDone)
    {
        if (onlyDone != 0 && !s.Done(e)) return;
        s.EpisodeIndex[e] = onlyDone != 0 ? s.EpisodeIndex[e] + 1 : 0;
        s.Step[e] = 0;
        s.EpisodeReturn[e] = 0f;
        for (int i = 0; i < s.UMax; i++) s.EnergyLeftJ[s.User(e, i)] = s.CapJ[s.User(e, i)];
        for (int k = 0; k < s.KMax; k++)
        {
            int m = s.Server(e, k);
            s.ServerLoadTasks[m] = 0f;
            s.ServerCpuDemand[m] = 0f;
            s.ServerBwDemand[m] = 0f;
        }
    }
}
