using GpuTwin.Kernels.Numerics;
using ILGPU;
using static GpuTwin.VecEnv.Scenarios.IotMigration.IotMigrationParameters;
using St = GpuTwin.VecEnv.Scenarios.IotMigration.IotMigrationStreams;

namespace GpuTwin.VecEnv.Scenarios.IotMigration.Kernels;

/// <summary>
/// Starts an episode (spec §2 reset): padding masks, new positions, speeds, headings, rates λ_i, first pending
/// tasks and requests (keys of the reset, step 0), cleared sessions and refusals, then the geometry and the
/// tabular states of slot 0. Credentials are written afterwards by the host join pass (§6.A.5).
/// </summary>
public static class EpisodeReset
{
    /// <summary>onlyDone = 0: every env to episode 0 (Reset(seed)); 1: only envs truncated in this step, to their next episode.</summary>
    public static void ResetKernel(Index1D e, IotMigrationState s, int onlyDone)
    {
        if (onlyDone != 0 && s.Truncated[e] == 0) return;
        int k = onlyDone != 0 ? s.Episode[e] + 1 : 0;
        s.Episode[e] = k;
        s.Slot[e] = 0;
        int uCount = s.Users(e), nCount = s.Servers(e);
        for (int m = 0; m < s.NMax; m++) s.ServerActive[s.Server(e, m)] = m < nCount ? (byte)1 : (byte)0;
        var rng = St.ResetRng(s.Seed, e, k);
        float w = s.P(e, AreaM), vLo = s.P(e, SpeedLoMps), vHi = s.P(e, SpeedHiMps), lambdaMax = s.P(e, LambdaMax);
        for (int i = 0; i < s.UMax; i++)
        {
            int u = s.User(e, i);
            s.SessionMask[u] = 0u;
            s.Refused[u] = 0;
            s.RefusedNow[u] = 0;
            s.Attempted[u] = 0;
            if (i >= uCount)
            {
                s.UserActive[u] = 0;
                s.PosX[u] = 0f; s.PosY[u] = 0f; s.Speed[u] = 0f; s.Heading[u] = 0f; s.Lambda[u] = 0f;
                s.TaskBits[u] = 0f; s.Requested[u] = 0;
                continue;
            }
            s.UserActive[u] = 1;
            s.PosX[u] = w * St.Draw(rng, St.Pos, St.PosX, i);
            s.PosY[u] = w * St.Draw(rng, St.Pos, St.PosY, i);
            s.Speed[u] = vLo + (vHi - vLo) * St.Draw(rng, St.Speed, 0, i);
            s.Heading[u] = FMath.TwoPi * St.Draw(rng, St.Head0, 0, i);
            float lambda = lambdaMax * (1f - St.Draw(rng, St.Lambda, 0, i));
            s.Lambda[u] = lambda;
            s.TaskBits[u] = Draws.TaskBits(s, e, rng, i);
            s.Requested[u] = Draws.Request(rng, i, lambda);
        }
        Geometry.Update(s, e);
        TabularObservations.Update(s, e);
    }
}
