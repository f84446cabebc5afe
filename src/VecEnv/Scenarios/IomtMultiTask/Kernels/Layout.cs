using GpuTwin.Kernels.Radio;
using GpuTwin.Kernels.Random;
using ILGPU;
using static GpuTwin.VecEnv.Scenarios.IomtMultiTask.IomtParameters;

namespace GpuTwin.VecEnv.Scenarios.IomtMultiTask.Kernels;

/// <summary>
/// The run's fixed configuration (spec §2–§4), written once at Reset(seed): padding masks, user positions,
/// transmit powers and capacities (one layout per run, or per env), distances and ρ = mean gain / N0.
/// The server positions were uploaded by the host before this kernel runs.
/// </summary>
public static class Layout
{
    public static void LayoutKernel(Index1D e, IomtState s)
    {
        int uCount = s.Users(e), jCount = s.Tasks(e), kCount = s.Servers(e);
        int layoutEnv = (int)s.P(e, LayoutKey) == LayoutKeyRun ? 0 : e;
        var rng = new CounterRng(s.Seed, layoutEnv, IomtStreams.LayoutEpisode, IomtStreams.LayoutStep);
        float w = s.P(e, AreaM), pLo = s.P(e, PtxMinW), pHi = s.P(e, PtxMaxW);
        float cap = s.P(e, CapJ), capHi = s.P(e, CapMaxJ);
        float pl0 = s.P(e, PL0dB), eta = s.P(e, Eta), d0 = s.P(e, D0m), sigma2 = s.P(e, Sigma2), n0 = s.P(e, N0WPerHz);
        bool literal = (int)s.P(e, PathLossModel) == PathLossPaperLiteral;
        for (int k = 0; k < s.KMax; k++) s.ServerActive[s.Server(e, k)] = k < kCount ? (byte)1 : (byte)0;
        for (int i = 0; i < s.UMax; i++)
        {
            int u = s.User(e, i);
            bool active = i < uCount;
            s.UserActive[u] = active ? (byte)1 : (byte)0;
            for (int j = 0; j < s.JMax; j++) s.TaskActive[s.Task(e, i, j)] = active && j < jCount ? (byte)1 : (byte)0;
            if (!active)
            {
                s.UserPosX[u] = 0f; s.UserPosY[u] = 0f; s.TxPowerW[u] = 0f; s.CapJ[u] = 0f;
                for (int k = 0; k < s.KMax; k++) { s.Dist[s.Link(e, i, k)] = 0f; s.MeanGainOverN0[s.Link(e, i, k)] = 0f; }
                continue;
            }
            var r = rng.Uniforms(IomtStreams.Layout, i);
            float x = w * (1f - r.A), y = w * (1f - r.B);
            float p = pLo + (pHi - pLo) * (1f - r.C);
            s.UserPosX[u] = x;
            s.UserPosY[u] = y;
            s.TxPowerW[u] = p;
            s.CapJ[u] = capHi > cap ? cap + (capHi - cap) * (1f - r.D) : cap;
            for (int k = 0; k < s.KMax; k++)
            {
                int l = s.Link(e, i, k);
                if (k >= kCount) { s.Dist[l] = 0f; s.MeanGainOverN0[l] = 0f; continue; }
                float d = PathLoss.DistanceM(x, y, s.ServerX(e, k), s.ServerY(e, k), d0);
                s.Dist[l] = d;
                s.MeanGainOverN0[l] = IomtRules.MeanGainOverN0(p, d, pl0, eta, d0, sigma2, n0, literal);
            }
        }
    }
}
