using GpuTwin.Kernels.Numerics;
using ILGPU;
using static GpuTwin.VecEnv.Scenarios.IomtMultiTask.IomtParameters;

namespace GpuTwin.VecEnv.Scenarios.IomtMultiTask.Kernels;

/// <summary>
/// The digital twin's views (spec §5, S11), normalised by the fixed constants of §5:
/// o_i (eq. 14, task-major): per task [D/D_ref, C/C_ref, P/L_P], then [P^tr/0.4 W, R_i/Cap_i, F_i/1e8],
/// then per server [B_k/1e9, F_k/1e9]; ô_i = the device and server blocks (no task contents, no positions);
/// ŝ: per user [P^tr, R/Cap, F], per server [B, F, previous-step load, CPU demand, bandwidth demand each
/// /(N^u·N^t)], and t/T_ep. Padded entries are zero. Enabled ObsExtras (spec §5) sit between the device
/// and server blocks, in the order distances, spectral efficiency, previous server loads, step phase; ô keeps
/// all of them except the distances (positions are private). Extras off in an env are zero.
/// </summary>
public static class Observations
{
    public static int ObsSize(int jMax, int kMax) => 3 * jMax + 3 + 2 * kMax;
    public static int CorrectedSize(int kMax) => 3 + 2 * kMax;
    public static int GlobalSize(int uMax, int kMax) => 3 * uMax + 5 * kMax + 1;

    /// <summary>intoFinal = 1 writes only envs done this step, into FinalObs (the bootstrap o_{t+1}).</summary>
    public static void ObserveKernel(Index1D e, IomtState s, int intoFinal)
    {
        if (intoFinal != 0 && !s.Done(e)) return;
        var obs = intoFinal != 0 ? s.FinalObs : s.Obs;
        int uCount = s.Users(e), jCount = s.Tasks(e), kCount = s.Servers(e);
        float pRef = s.P(e, PriorityLevels);
        float fUser = s.P(e, UserCpuHz) / UserCpuRef;
        float bNorm = s.P(e, ServerBwHz) / BwRef, fNorm = s.P(e, ServerCpuHz) / ServerCpuRef;
        int dev = 3 * s.JMax;
        int extras = s.ExtraDistances + s.ExtraSpectralEff + s.ExtraPrevLoad + s.ExtraStepPhase;
        int srv = dev + 3 + extras;
        bool xDist = s.P(e, ObsDistances) != 0f, xSe = s.P(e, ObsSpectralEff) != 0f, xLoad = s.P(e, ObsPrevLoad) != 0f, xPhase = s.P(e, ObsStepPhase) != 0f;
        float invW = 1f / s.P(e, AreaM), refBw = s.P(e, ServerBwHz) / 8f, perTask = 1f / (uCount * jCount);
        for (int i = 0; i < s.UMax; i++)
        {
            int u = s.User(e, i);
            int o = u * s.ObsSize, c = u * s.CorrectedObsSize;
            bool active = i < uCount;
            for (int j = 0; j < s.JMax; j++)
            {
                int t = s.Task(e, i, j);
                bool on = active && j < jCount;
                obs[o + 3 * j] = on ? s.DataBits[t] / DRef : 0f;
                obs[o + 3 * j + 1] = on ? s.Cycles[t] / CRef : 0f;
                obs[o + 3 * j + 2] = on ? s.Priority[t] / pRef : 0f;
            }
            float cap = s.CapJ[u];
            float d0 = active ? s.TxPowerW[u] / PtxRef : 0f;
            float d1 = active && cap > 0f ? s.EnergyLeftJ[u] / cap : 0f;
            float d2 = active ? fUser : 0f;
            obs[o + dev] = d0; obs[o + dev + 1] = d1; obs[o + dev + 2] = d2;
            if (intoFinal == 0) { s.CorrectedObs[c] = d0; s.CorrectedObs[c + 1] = d1; s.CorrectedObs[c + 2] = d2; }
            int x = o + dev + 3, xc = c + 3; // extras in o and in ô
            for (int k = 0; k < s.ExtraDistances; k++)
                obs[x + k] = xDist && active && k < kCount ? s.Dist[s.Link(e, i, k)] * invW : 0f;
            x += s.ExtraDistances;
            for (int k = 0; k < s.ExtraSpectralEff; k++)
            {
                float v = xSe && active && k < kCount ? FMath.Log2(1f + s.MeanGainOverN0[s.Link(e, i, k)] / refBw) : 0f;
                obs[x + k] = v;
                if (intoFinal == 0) s.CorrectedObs[xc + k] = v;
            }
            x += s.ExtraSpectralEff; xc += s.ExtraSpectralEff;
            for (int q = 0; q < s.ExtraPrevLoad; q++)
            {
                int k = q / 3, m = s.Server(e, k % s.KMax);
                float raw = q % 3 == 0 ? s.ServerLoadTasks[m] : (q % 3 == 1 ? s.ServerCpuDemand[m] : s.ServerBwDemand[m]);
                float v = xLoad && active && k < kCount ? raw * perTask : 0f;
                obs[x + q] = v;
                if (intoFinal == 0) s.CorrectedObs[xc + q] = v;
            }
            x += s.ExtraPrevLoad; xc += s.ExtraPrevLoad;
            if (s.ExtraStepPhase > 0)
            {
                float v = xPhase && active ? (float)s.Step[e] / s.P(e, EpisodeSteps) : 0f;
                obs[x] = v;
                if (intoFinal == 0) s.CorrectedObs[xc] = v;
                xc += 1;
            }
            for (int k = 0; k < s.KMax; k++)
            {
                bool on = active && k < kCount;
                float b = on ? bNorm : 0f, f = on ? fNorm : 0f;
                obs[o + srv + 2 * k] = b;
                obs[o + srv + 2 * k + 1] = f;
                if (intoFinal == 0) { s.CorrectedObs[xc + 2 * k] = b; s.CorrectedObs[xc + 1 + 2 * k] = f; }
            }
        }
    }

    /// <summary>The mixer's privacy-limited state ŝ; intoFinal = 1 writes only envs done this step, into FinalGlobal.</summary>
    public static void GlobalStateKernel(Index1D e, IomtState s, int intoFinal)
    {
        if (intoFinal != 0 && !s.Done(e)) return;
        var g = intoFinal != 0 ? s.FinalGlobal : s.Global;
        int uCount = s.Users(e), jCount = s.Tasks(e), kCount = s.Servers(e);
        int o = e * s.GlobalSize;
        float fUser = s.P(e, UserCpuHz) / UserCpuRef;
        for (int i = 0; i < s.UMax; i++)
        {
            int u = s.User(e, i);
            bool active = i < uCount;
            float cap = s.CapJ[u];
            g[o + 3 * i] = active ? s.TxPowerW[u] / PtxRef : 0f;
            g[o + 3 * i + 1] = active && cap > 0f ? s.EnergyLeftJ[u] / cap : 0f;
            g[o + 3 * i + 2] = active ? fUser : 0f;
        }
        int so = o + 3 * s.UMax;
        float perTask = 1f / (uCount * jCount);
        for (int k = 0; k < s.KMax; k++)
        {
            int m = s.Server(e, k);
            bool on = k < kCount;
            g[so + 5 * k] = on ? s.P(e, ServerBwHz) / BwRef : 0f;
            g[so + 5 * k + 1] = on ? s.P(e, ServerCpuHz) / ServerCpuRef : 0f;
            g[so + 5 * k + 2] = on ? s.ServerLoadTasks[m] * perTask : 0f;
            g[so + 5 * k + 3] = on ? s.ServerCpuDemand[m] * perTask : 0f;
            g[so + 5 * k + 4] = on ? s.ServerBwDemand[m] * perTask : 0f;
        }
        g[so + 5 * s.KMax] = (float)s.Step[e] / s.P(e, EpisodeSteps);
    }
}
