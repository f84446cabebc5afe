using ILGPU;
using static GpuTwin.VecEnv.Scenarios.IotMigration.IotMigrationParameters;

namespace GpuTwin.VecEnv.Scenarios.IotMigration.Kernels;

/// <summary>
/// The continuous views of spec §5.3 for generic deep MARL: per user [x/W, y/W, DServing/100 m, DistRatio,
/// B/B_hi, ReqServing[j]/10, ReqServing[j']/10, AuthOk, SessionBit_j, λ/λ_max, Requested, t/H]; the global
/// state [ReqServing/10 (N_max), connected users per server/ρ (N_max), t/H]. Padded entries are zero.
/// The final tabular and global views of truncated envs are captured here before their reset.
/// </summary>
public static class Observations
{
    public const int ObsSize = 12;

    public static int GlobalSize(int nMax) => 2 * nMax + 1;

    public static void ObserveKernel(Index1D e, IotMigrationState s)
    {
        int uCount = s.Users(e);
        float w = s.P(e, AreaM), bHi = (1f + s.P(e, TaskSpread)) * s.P(e, TaskMeanBits), lambdaMax = s.P(e, LambdaMax);
        float phase = (float)s.Slot[e] / s.P(e, EpisodeSlots);
        for (int i = 0; i < s.UMax; i++)
        {
            int u = s.User(e, i), o = u * ObsSize;
            if (i >= uCount)
            {
                s.Obs.Clear(o, ObsSize);
                continue;
            }
            int j = s.Serving[u], jt = s.Target[u];
            s.Obs[o] = s.PosX[u] / w;
            s.Obs[o + 1] = s.PosY[u] / w;
            s.Obs[o + 2] = s.DServing[u] / 100f;
            s.Obs[o + 3] = s.DistRatio[u];
            s.Obs[o + 4] = s.TaskBits[u] / bHi;
            s.Obs[o + 5] = s.ReqServing[s.Server(e, j)] / 10f;
            s.Obs[o + 6] = jt == j ? 0f : s.ReqServing[s.Server(e, jt)] / 10f;
            s.Obs[o + 7] = s.AuthOk[u];
            s.Obs[o + 8] = (s.SessionMask[u] & (1u << j)) != 0u ? 1f : 0f;
            s.Obs[o + 9] = s.Lambda[u] / lambdaMax;
            s.Obs[o + 10] = s.Requested[u];
            s.Obs[o + 11] = phase;
        }
    }

    /// <summary>intoFinal = 1 writes only envs truncated in this step, into FinalGlobal.</summary>
    public static void GlobalStateKernel(Index1D e, IotMigrationState s, int intoFinal)
    {
        if (intoFinal != 0 && s.Truncated[e] == 0) return;
        var g = intoFinal != 0 ? s.FinalGlobal : s.Global;
        int uCount = s.Users(e), nCount = s.Servers(e), o = e * s.GlobalSize;
        float rho = s.P(e, UsersPerServer);
        for (int m = 0; m < s.NMax; m++)
        {
            g[o + m] = m < nCount ? s.ReqServing[s.Server(e, m)] / 10f : 0f;
            g[o + s.NMax + m] = 0f;
        }
        for (int i = 0; i < uCount; i++) g[o + s.NMax + s.Serving[s.User(e, i)]] += 1f / rho;
        g[o + 2 * s.NMax] = (float)s.Slot[e] / s.P(e, EpisodeSlots);
    }

    /// <summary>s' of the learners for envs truncated in this step: the tabular states of slot H, before the reset overwrites them.</summary>
    public static void CaptureFinalKernel(Index1D e, IotMigrationState s)
    {
        if (s.Truncated[e] == 0) return;
        for (int i = 0; i < s.UMax; i++)
        {
            int u = s.User(e, i);
            s.FinalObsIl[u] = s.ObsIl[u];
            s.FinalObsJal[u] = s.ObsJal[u];
        }
    }
}
