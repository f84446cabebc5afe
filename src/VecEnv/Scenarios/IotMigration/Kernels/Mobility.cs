using GpuTwin.Kernels.Mobility;
using GpuTwin.Kernels.Numerics;
using ILGPU;
using static GpuTwin.VecEnv.Scenarios.IotMigration.IotMigrationParameters;
using St = GpuTwin.VecEnv.Scenarios.IotMigration.IotMigrationStreams;

namespace GpuTwin.VecEnv.Scenarios.IotMigration.Kernels;

/// <summary>
/// S11 (advance into slot t + 1, keys of step 1 + (t + 1)): every active user may turn (p_turn, new heading
/// U[0, 2π)), moves v·Δt along its heading and reflects at the walls; users that had a task draw a new pending
/// size; everyone draws a(t + 1). Then the geometry cache, ReqServing and the tabular states of slot t + 1 (s'),
/// the clock, and truncation at t + 1 = H.
/// </summary>
public static class Mobility
{
    public static void AdvanceKernel(Index1D e, IotMigrationState s)
    {
        int next = s.Slot[e] + 1;
        var rng = St.SlotRng(s.Seed, e, s.Episode[e], next);
        int uCount = s.Users(e);
        float w = s.P(e, AreaM), pTurn = s.P(e, PTurn), dt = s.P(e, SlotS);
        for (int i = 0; i < uCount; i++)
        {
            int u = s.User(e, i);
            float heading = s.Heading[u];
            if (St.Draw(rng, St.Turn, 0, i) < pTurn) heading = FMath.TwoPi * St.Draw(rng, St.Head, 0, i);
            float x = s.PosX[u], y = s.PosY[u], unusedMean = 0f;
            GaussMarkov.Move(ref x, ref y, s.Speed[u], heading, dt);
            AreaBorder.Reflect(ref x, ref y, ref heading, ref unusedMean, w, w);
            s.PosX[u] = x;
            s.PosY[u] = y;
            s.Heading[u] = heading;
            if (s.Requested[u] != 0) s.TaskBits[u] = Draws.TaskBits(s, e, rng, i);
            s.Requested[u] = Draws.Request(rng, i, s.Lambda[u]);
        }
        s.Slot[e] = next;
        Geometry.Update(s, e);
        TabularObservations.Update(s, e);
        s.Truncated[e] = next >= (int)s.P(e, EpisodeSlots) ? (byte)1 : (byte)0;
    }
}
