using GpuTwin.Kernels.Radio;
using ILGPU;
using static GpuTwin.VecEnv.Scenarios.IotMigration.IotMigrationParameters;
using R = GpuTwin.VecEnv.Scenarios.IotMigration.IotMigrationRules;

namespace GpuTwin.VecEnv.Scenarios.IotMigration.Kernels;

/// <summary>
/// S5–S6 (eqs. 3–4): two-pass SINR on full-reuse spectrum. Pass 1 over X1 = {ActionEff ≠ 0}: the received power
/// P_m = Σ_k P·g(d_{m,k}) at every server (users in index order, so sums are deterministic), SINR_i =
/// P·g_{j,i}/(σ² + max(P_j − P·g_{j,i}, 0)) and R_i = W·log2(1 + SINR). R_i &lt; R_min is a rate outage: back to
/// LOCAL. If any user went out, pass 2 recomputes P_m and R over the rest X2 (rates only rise). TxFlag marks X2.
/// </summary>
public static class Uplink
{
    public static void UplinkKernel(Index1D e, IotMigrationState s)
    {
        float rMin = s.P(e, RMinBps);
        int outages = Pass(s, e, true);
        if (outages == 0) return;
        for (int i = 0; i < s.UMax; i++)
        {
            int u = s.User(e, i);
            if (s.Outage[u] != 0) { s.ActionEff[u] = 0; s.Sinr[u] = 0f; s.RateBps[u] = 0f; s.TxFlag[u] = 0; }
        }
        Pass(s, e, false);
        // Rates can only rise after removing interferers; the floor guards the division in S8 against float rounding.
        for (int i = 0; i < s.UMax; i++)
        {
            int u = s.User(e, i);
            if (s.TxFlag[u] != 0 && s.RateBps[u] < rMin) s.RateBps[u] = rMin;
        }
    }

    /// <summary>One pass over the current transmitters; marks outages when asked (pass 1) and returns their count.</summary>
    private static int Pass(in IotMigrationState s, int e, bool markOutage)
    {
        int uCount = s.Users(e), nCount = s.Servers(e);
        float p = s.P(e, TxPowerW), noise = s.P(e, NoiseW), bw = s.P(e, BandwidthHz), rMin = s.P(e, RMinBps);
        for (int m = 0; m < s.NMax; m++)
        {
            float sum = 0f;
            if (m < nCount)
                for (int k = 0; k < uCount; k++)
                    if (Transmits(s.ActionEff[s.User(e, k)])) sum += p * s.Gain[s.Link(e, k, m)];
            s.RecvPowerW[s.Server(e, m)] = sum;
        }
        int outages = 0;
        for (int i = 0; i < uCount; i++)
        {
            int u = s.User(e, i);
            if (!Transmits(s.ActionEff[u])) continue;
            int j = s.Serving[u];
            float own = p * s.Gain[s.Link(e, i, j)];
            float sinr = Sinr.Ratio(own, Sinr.InterferenceFromTotal(s.RecvPowerW[s.Server(e, j)], own), noise);
            float rate = R.RateBps(bw, sinr);
            s.Sinr[u] = sinr;
            s.RateBps[u] = rate;
            s.TxFlag[u] = 1;
            if (markOutage && rate < rMin)
            {
                s.Outage[u] = 1;
                outages++;
            }
        }
        return outages;
    }

    private static bool Transmits(int action) => action != 0 && action != R.NoTask;
}
