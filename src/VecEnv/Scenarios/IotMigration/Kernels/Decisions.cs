using ILGPU;
using static GpuTwin.VecEnv.Scenarios.IotMigration.IotMigrationParameters;
using R = GpuTwin.VecEnv.Scenarios.IotMigration.IotMigrationRules;

namespace GpuTwin.VecEnv.Scenarios.IotMigration.Kernels;

/// <summary>
/// S2–S3: clears the slot's outcome fields, then walks the decision order. Each requester gets its context
/// c = 4·bin(k1) + bin(k2) from the loads committed so far, its chosen action (the policy's int; out of range →
/// LOCAL; a user refused earlier → LOCAL and no decision) and commits it: STAY loads j, MIGRATE loads j and j'.
/// The commits are the DT's bookkeeping for contexts; physical loads are recomputed in S7.
/// With migration_mask=cell-edge-only a MIGRATE below DistRatio 0.8 runs as the STAY with the same θ.
/// </summary>
public static class Decisions
{
    public static void DecideKernel(Index1D e, IotMigrationState s)
    {
        int levels = s.ThetaLevels(e), actions = R.NumActions(levels);
        bool edgeOnly = (int)s.P(e, MigrationMask) == MigrationMaskCellEdgeOnly;
        for (int m = 0; m < s.NMax; m++) s.Commit[s.Server(e, m)] = 0;
        for (int i = 0; i < s.UMax; i++)
        {
            int u = s.User(e, i);
            s.Action[u] = R.NoTask; s.ActionEff[u] = R.NoTask; s.Context[u] = 0; s.Decided[u] = 0; s.ActionMask[u] = 0;
            s.TxFlag[u] = 0; s.Outage[u] = 0; s.RefusedNow[u] = 0; s.Handshakes[u] = 0;
            s.Sinr[u] = 0f; s.RateBps[u] = 0f; s.HandshakeS[u] = 0f;
            s.TLocal[u] = 0f; s.TTrans[u] = 0f; s.TExe[u] = 0f; s.TMig[u] = 0f; s.TExe2[u] = 0f; s.TProc[u] = 0f;
            s.UserReward[u] = 0f;
        }
        int n = s.NReq[e], row = e * s.UMax;
        for (int q = 0; q < n; q++)
        {
            int i = s.Order[row + q];
            int u = s.User(e, i);
            int j = s.Serving[u], jt = s.Target[u];
            s.Context[u] = (byte)R.Context(s.Commit[s.Server(e, j)], s.Commit[s.Server(e, jt)]);
            int a = 0;
            if (s.Refused[u] == 0)
            {
                a = s.ActionIn[u];
                if (a < 0 || a >= actions) a = 0;
                s.Decided[u] = 1;
                s.ActionMask[u] = 1;
                if (a != 0 && s.Attempted[u] == 0) s.Attempted[u] = 2; // first offload choice of the episode (counted in S10)
            }
            s.Action[u] = (byte)a;
            int eff = edgeOnly && R.IsMigrate(a, levels) && s.DistRatio[u] < 0.8f ? R.AsStay(a, levels) : a;
            s.ActionEff[u] = (byte)eff;
            if (R.LoadsServer(a, j, j, jt, levels)) s.Commit[s.Server(e, j)] += 1;
            if (jt != j && R.LoadsServer(a, jt, j, jt, levels)) s.Commit[s.Server(e, jt)] += 1;
        }
    }
}
