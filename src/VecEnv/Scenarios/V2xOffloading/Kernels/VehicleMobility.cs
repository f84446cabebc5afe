using GpuTwin.Kernels.Mobility;
using GpuTwin.Kernels.Random;
using ILGPU;
using static GpuTwin.VecEnv.Scenarios.V2xOffloading.V2xParameters;

namespace GpuTwin.VecEnv.Scenarios.V2xOffloading.Kernels;

/// <summary>S10: heading noise θ ← θ + σ_θ·z, a straight move of v·Δt, reflection at the border (spec §3).</summary>
public static class VehicleMobility
{
    public static void MoveKernel(Index1D e, V2xState s)
    {
        var rng = new CounterRng(s.Seed, s.RngEnv[e], s.EpisodeIndex[e], s.Slot[e]);
        int m = s.Vehicles(e);
        float dt = s.P(e, SlotS), w = s.P(e, AreaM), sigma = s.P(e, HeadingNoiseRad), speed = s.P(e, SpeedMps);
        for (int i = 0; i < m; i++)
        {
            int v = s.Veh(e, i);
            rng.Normal2(V2xStreams.Turn, i, out float z, out _);
            float heading = s.Heading[v] + sigma * z;
            float x = s.PosX[v], y = s.PosY[v], unusedMean = 0f;
            GaussMarkov.Move(ref x, ref y, speed, heading, dt);
            AreaBorder.Reflect(ref x, ref y, ref heading, ref unusedMean, w, w);
            s.PosX[v] = x;
            s.PosY[v] = y;
            s.Heading[v] = heading;
        }
    }
}
