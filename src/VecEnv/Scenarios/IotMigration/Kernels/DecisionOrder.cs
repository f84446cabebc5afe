using ILGPU;
using St = GpuTwin.VecEnv.Scenarios.IotMigration.IotMigrationStreams;

namespace GpuTwin.VecEnv.Scenarios.IotMigration.Kernels;

/// <summary>
/// The decision order of the slot about to be decided (spec §3): requesters in cyclic index order from
/// o = ⌊U_e·u_ORDER⌋ (entity 0xFFFF, key of slot t), packed first into Order[e, ·] with their count in NReq[e].
/// Refused requesters stay in the order (the walk forces them to LOCAL).
/// </summary>
public static class DecisionOrder
{
    public static void OrderKernel(Index1D e, IotMigrationState s)
    {
        int uCount = s.Users(e);
        var rng = St.SlotRng(s.Seed, e, s.Episode[e], s.Slot[e]);
        int o = St.Index(St.Draw(rng, St.Order, 0, St.EnvEntity), uCount);
        s.OrderOffset[e] = o;
        int n = 0, row = e * s.UMax;
        for (int q = 0; q < uCount; q++)
        {
            int i = o + q;
            if (i >= uCount) i -= uCount;
            if (s.Requested[s.User(e, i)] != 0) s.Order[row + n++] = i;
        }
        s.NReq[e] = n;
        for (int q = n; q < s.UMax; q++) s.Order[row + q] = -1;
    }
}
