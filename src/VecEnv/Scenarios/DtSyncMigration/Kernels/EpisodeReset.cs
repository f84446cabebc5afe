using GpuTwin.Kernels.Numerics;
using GpuTwin.Kernels.Random;
using ILGPU;
using static GpuTwin.VecEnv.Scenarios.DtSyncMigration.DtSyncParameters;

namespace GpuTwin.VecEnv.Scenarios.DtSyncMigration.Kernels;

/// <summary>Starts a new episode (spec §2 "episode boundary"): fresh MUs, empty queues, DTs on the nearest BS.</summary>
public static class EpisodeReset
{
    /// <summary>
    /// onlyTruncated = 0: reset every env to episode 0 (Reset(seed)). 1: auto-reset, only envs truncated
    /// this step, to their next episode. BS positions are kept.
    /// </summary>
    public static void ResetKernel(Index1D e, DtSyncState s, int onlyTruncated)
    {
        if (onlyTruncated != 0 && s.Truncated[e] == 0) return;
        int episode = onlyTruncated != 0 ? s.EpisodeIndex[e] + 1 : 0;
        s.EpisodeIndex[e] = episode;
        s.Slot[e] = 0;
        var rng = new CounterRng(s.Seed, e, episode, DtSyncStreams.ResetStep);
        float w = s.P(e, AreaM);
        float vLo = s.P(e, SpeedMinMps), vHi = s.P(e, SpeedMaxMps);
        int kCount = s.Mus(e);
        for (int k = 0; k < s.KMax; k++)
        {
            int i = s.Mu(e, k);
            if (k < kCount)
            {
                var u = rng.Uniforms(DtSyncStreams.Reset, k);
                s.PosX[i] = w * (1f - u.A);
                s.PosY[i] = w * (1f - u.B);
                s.MeanSpeed[i] = vLo + (vHi - vLo) * (1f - u.C);
                s.MeanHeading[i] = FMath.TwoPi * (1f - u.D);
            }
            else
            {
                s.PosX[i] = 0f; s.PosY[i] = 0f; s.MeanSpeed[i] = 0f; s.MeanHeading[i] = 0f;
            }
            s.Speed[i] = s.MeanSpeed[i];
            s.Heading[i] = s.MeanHeading[i];
            s.VQueue[i] = 0f;
            s.VQueueFrame[i] = 0f;
            s.MigCountdown[i] = 0;
            s.DtLastSyncSlot[i] = 0;
            int nearest = k < kCount ? DtSyncRules.NearestBs(s, e, k) : 0;
            s.DtHost[i] = nearest;
            s.DtHostPrev[i] = nearest;
            s.DtProposal[i] = nearest;
            s.Assoc[i] = nearest;
            s.Blocked[i] = 0;
        }
    }
}
