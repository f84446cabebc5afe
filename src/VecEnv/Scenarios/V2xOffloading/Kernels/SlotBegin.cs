using GpuTwin.Kernels.Radio;
using GpuTwin.Kernels.Random;
using ILGPU;
using static GpuTwin.VecEnv.Scenarios.V2xOffloading.V2xParameters;

namespace GpuTwin.VecEnv.Scenarios.V2xOffloading.Kernels;

/// <summary>
/// S1: this slot's tasks D_i ~ U[(1−δ)D̄, (1+δ)D̄], Rayleigh estimates H_ij ~ Exp(1), distances, path gains
/// G_ij = 10^(−PL(max(d, d_min))/10), access ESs n_i, and the DT reset to full capacity.
/// </summary>
public static class SlotBegin
{
    /// <summary>onlyTruncated = 1 runs only for envs truncated this step (after their auto-reset).</summary>
    public static void BeginSlotKernel(Index1D e, V2xState s, int onlyTruncated)
    {
        if (onlyTruncated != 0 && s.Truncated[e] == 0) return;
        var rng = new CounterRng(s.Seed, s.RngEnv[e], s.EpisodeIndex[e], s.Slot[e]);
        int m = s.Vehicles(e), n = s.Servers(e);
        float dbar = s.P(e, DbarBits), spread = s.P(e, DSpread);
        float plA = s.P(e, PlInterceptDb), plB = s.P(e, PlSlopeDb), dMin = s.P(e, MinDistanceM);
        for (int i = 0; i < m; i++)
        {
            int v = s.Veh(e, i);
            float u = rng.Uniform(V2xStreams.Task, i);
            s.TaskBits[v] = dbar * (1f - spread + 2f * spread * (1f - u));
            float x = s.PosX[v], y = s.PosY[v];
            for (int j = 0; j < n; j++)
            {
                int p = s.Pair(e, i, j);
                float d = PathLoss.DistanceM(x, y, s.EsX(e, j), s.EsY(e, j), 0f);
                s.DistM[p] = d;
                s.GainLs[p] = PathLoss.LogDistanceGain(plA, plB, (d > dMin ? d : dMin) / 1000f);
                rng.Normal2(V2xStreams.Fade, i * MaxEs + j, out float zr, out float zi);
                s.FadeH[p] = Fading.RayleighPower(zr, zi);
            }
            s.AccessEs[v] = V2xRules.NearestInRange(s, e, i);
        }
        for (int j = 0; j < n; j++)
        {
            int q = s.Es(e, j);
            s.DtFremHz[q] = s.FmaxHz[q];
            s.DtBremHz[q] = s.P(e, BmaxHz);
        }
        s.DtCursor[e] = 0;
    }
}
