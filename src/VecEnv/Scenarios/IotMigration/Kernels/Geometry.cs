using GpuTwin.Kernels.Numerics;
using GpuTwin.Kernels.Radio;
using static GpuTwin.VecEnv.Scenarios.IotMigration.IotMigrationParameters;

namespace GpuTwin.VecEnv.Scenarios.IotMigration.Kernels;

/// <summary>
/// The DT's geometry cache (spec §4) of one env, recomputed after every move: serving server j (nearest),
/// target j' (second nearest; ties to the lower index), d(i, j), DistRatio = d(i, j)/d(i, j') and the gains
/// g(d_{m,i}) to every server. Then ReqServing[m] = requesters whose serving server is m (refused ones included).
/// </summary>
public static class Geometry
{
    public static void Update(in IotMigrationState s, int e)
    {
        int uCount = s.Users(e), nCount = s.Servers(e);
        float plA = s.P(e, PlADb), plB = s.P(e, PlBDb), dMin = s.P(e, DMinM), g1Km = Decibel.ToLinear(-plA);
        for (int m = 0; m < s.NMax; m++) s.ReqServing[s.Server(e, m)] = 0;
        for (int i = 0; i < s.UMax; i++)
        {
            int u = s.User(e, i);
            if (i >= uCount)
            {
                s.Serving[u] = 0; s.Target[u] = 0; s.DServing[u] = 0f; s.DistRatio[u] = 0f;
                for (int m = 0; m < s.NMax; m++) s.Gain[s.Link(e, i, m)] = 0f;
                continue;
            }
            float x = s.PosX[u], y = s.PosY[u];
            int best = 0, second = -1;
            float dBest = float.MaxValue, dSecond = float.MaxValue;
            for (int m = 0; m < s.NMax; m++)
            {
                int l = s.Link(e, i, m);
                if (m >= nCount) { s.Gain[l] = 0f; continue; }
                float dx = x - s.ServerX(e, m), dy = y - s.ServerY(e, m);
                float d = FMath.Sqrt(dx * dx + dy * dy);
                s.Gain[l] = IotMigrationRules.Gain(d, g1Km, plA, plB, dMin);
                // Strict < keeps ties on the lower index for both ranks.
                if (d < dBest) { second = best; dSecond = dBest; best = m; dBest = d; }
                else if (d < dSecond) { second = m; dSecond = d; }
            }
            if (second < 0 || nCount < 2) { second = best; dSecond = 0f; }
            s.Serving[u] = best;
            s.Target[u] = second;
            s.DServing[u] = dBest;
            s.DistRatio[u] = dSecond > 0f ? FMath.Min(dBest / dSecond, 1f) : 0f;
            if (s.Requested[u] != 0) s.ReqServing[s.Server(e, best)] += 1;
        }
    }
}
