using GpuTwin.Kernels.Numerics;
using GpuTwin.Kernels.Random;
using ILGPU;
using static GpuTwin.VecEnv.Scenarios.V2xOffloading.V2xParameters;

namespace GpuTwin.VecEnv.Scenarios.V2xOffloading.Kernels;

/// <summary>Starts a new episode (spec §2): positions U([0, W]²), headings U[0, 2π), F^max per ES, ρ² from the speed.</summary>
public static class EpisodeReset
{
    /// <summary>onlyTruncated = 0: every env to episode 0. 1: auto-reset of the envs truncated this step.</summary>
    public static void ResetKernel(Index1D e, V2xState s, int onlyTruncated)
    {
        if (onlyTruncated != 0 && s.Truncated[e] == 0) return;
        int episode = onlyTruncated != 0 ? s.EpisodeIndex[e] + 1 : 0;
        s.EpisodeIndex[e] = episode;
        s.Slot[e] = 0;
        var rng = new CounterRng(s.Seed, s.RngEnv[e], episode, V2xStreams.ResetStep);
        float w = s.P(e, AreaM);
        int m = s.Vehicles(e), n = s.Servers(e);
        bool aging = (int)s.P(e, Aging) == AgingJakes;
        float rho2 = aging ? GpuTwin.Kernels.Radio.ChannelAging.Rho2(s.P(e, SpeedMps), s.P(e, CarrierHz), s.P(e, CsiAgeS)) : 1f;
        for (int i = 0; i < s.MMax; i++)
        {
            int v = s.Veh(e, i);
            if (i < m)
            {
                var u = rng.Uniforms(V2xStreams.Reset, i);
                s.PosX[v] = w * (1f - u.A);
                s.PosY[v] = w * (1f - u.B);
                s.Heading[v] = FMath.TwoPi * (1f - u.C);
                s.Rho2[v] = rho2;
            }
            else
            {
                s.PosX[v] = 0f; s.PosY[v] = 0f; s.Heading[v] = 0f; s.Rho2[v] = 0f;
            }
        }
        bool uniform = (int)s.P(e, FmaxMode) == FmaxUniformPerEpisode;
        float lo = s.P(e, FmaxLoHz), hi = s.P(e, FmaxHiHz), fixedHz = s.P(e, FmaxHz);
        for (int j = 0; j < s.NMax; j++)
        {
            float f = 0f;
            if (j < n) f = uniform ? lo + (hi - lo) * (1f - rng.Uniform(V2xStreams.Fmax, j)) : fixedHz;
            s.FmaxHz[s.Es(e, j)] = f;
        }
    }
}
