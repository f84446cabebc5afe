using GpuTwin.Kernels.Numerics;
using GpuTwin.Kernels.Radio;
using GpuTwin.VecEnv.Scenarios.IotMigration.Kernels;
using ILGPU;
using static GpuTwin.VecEnv.Scenarios.IotMigration.IotMigrationParameters;
using R = GpuTwin.VecEnv.Scenarios.IotMigration.IotMigrationRules;
using St = GpuTwin.VecEnv.Scenarios.IotMigration.IotMigrationStreams;

namespace GpuTwin.VecEnv.Scenarios.IotMigration.Baselines;

/// <summary>
/// The spec §9 baselines, one thread per env writing every user's action (non-requesters are ignored by the env;
/// refused users are forced to LOCAL by the env as well). Random uses RANDPOL sub 0 keyed by (user, slot step).
/// Greedy walks the decision order with a pessimistic planning rate (interference from every non-refused requester)
/// and the loads committed by earlier users; it does not know the credential verdicts.
/// </summary>
public static class IotMigrationBaselineActions
{
    public static void BaselineActionsKernel(Index1D e, IotMigrationState s, IotMigrationBaselineArgs a)
    {
        var kind = (IotMigrationHeuristic)a.Heuristic;
        int uCount = s.Users(e), levels = s.ThetaLevels(e), actions = R.NumActions(levels);
        int fixedAction = kind == IotMigrationHeuristic.EdgeAll ? 1 : (kind == IotMigrationHeuristic.HalfSplit ? HalfSplitAction(levels) : 0);
        var rng = St.DecisionRng(a.PolicySeed, e, s.Episode[e], s.Slot[e]);
        for (int i = 0; i < s.UMax; i++)
        {
            int u = s.User(e, i);
            int act = 0;
            if (i < uCount)
            {
                if (kind == IotMigrationHeuristic.Random) act = St.Index(St.Draw(rng, St.RandPol, St.RandPolAction, i), actions);
                else act = fixedAction;
            }
            s.ActionIn[u] = act;
        }
        if (kind == IotMigrationHeuristic.Greedy) Greedy(e, s, a, levels);
    }

    /// <summary>The STAY action with θ = ½ (the grid level ⌊(L − 1)/2⌋).</summary>
    public static int HalfSplitAction(int levels) => 1 + (levels - 1) / 2;

    private static void Greedy(int e, in IotMigrationState s, in IotMigrationBaselineArgs a, int levels)
    {
        int uCount = s.Users(e), nCount = s.Servers(e), actions = R.NumActions(levels);
        float p = s.P(e, TxPowerW), noise = s.P(e, NoiseW), bw = s.P(e, BandwidthHz), rMin = s.P(e, RMinBps);
        float fEdge = s.P(e, FEdgeHz), fLocal = s.P(e, FLocalHz), c = s.P(e, CyclesPerBit), kappa = s.P(e, MigSplit);
        float tCtx = s.P(e, TCtxS), backhaul = s.P(e, BackhaulBps);
        bool authCost = (int)s.P(e, AuthLatency) == AuthLatencySpec;
        bool userHandshakeAtTarget = (int)s.P(e, MigrationAuth) == MigrationAuthUserHandshake;
        bool literalEq9 = (int)s.P(e, Eq9) == Eq9PaperLiteral, combineSum = (int)s.P(e, Combine) == CombineSum;
        bool backhaulRate = (int)s.P(e, MigrationRate) == MigrationRateBackhaul;
        for (int m = 0; m < s.NMax; m++)
        {
            int sm = s.Server(e, m);
            a.Committed[sm] = 0;
            float sum = 0f;
            if (m < nCount)
                for (int k = 0; k < uCount; k++)
                {
                    int uk = s.User(e, k);
                    if (s.Requested[uk] != 0 && s.Refused[uk] == 0) sum += p * s.Gain[s.Link(e, k, m)];
                }
            a.PlanPowerW[sm] = sum;
        }
        int n = s.NReq[e], row = e * s.UMax;
        for (int q = 0; q < n; q++)
        {
            int i = s.Order[row + q];
            int u = s.User(e, i);
            if (s.Refused[u] != 0) { s.ActionIn[u] = 0; continue; }
            int j = s.Serving[u], jt = s.Target[u];
            float own = p * s.Gain[s.Link(e, i, j)];
            float rate = R.RateBps(bw, Sinr.Ratio(own, Sinr.InterferenceFromTotal(a.PlanPowerW[s.Server(e, j)], own), noise));
            float bits = s.TaskBits[u];
            int best = 0;
            if (rate >= rMin)
            {
                uint mask = s.SessionMask[u];
                bool newJ = (mask & (1u << j)) == 0u, newJt = (mask & (1u << jt)) == 0u;
                float auth = authCost ? Latency.SuccessS(s, e, rate) : 0f;
                int nj = a.Committed[s.Server(e, j)], njt = a.Committed[s.Server(e, jt)];
                float bestT = R.LocalLatency(bits, c, fLocal);
                for (int act = 1; act < actions; act++)
                {
                    bool migrate = R.IsMigrate(act, levels);
                    float hs = newJ ? auth : 0f;
                    if (migrate && userHandshakeAtTarget && newJt && jt != j) hs += auth;
                    // The task itself adds one to each server it loads (twice at j when j' = j).
                    float fj = fEdge / (nj + 1 + (migrate && jt == j ? 1 : 0));
                    float fjt = fEdge / (njt + 1 + (migrate && jt == j ? 1 : 0));
                    float t = R.OffloadLatency(bits, c, R.Theta(act, levels), migrate, kappa, rate, backhaulRate ? backhaul : rate,
                        fj, fjt, fLocal, hs, migrate ? tCtx : 0f, literalEq9, combineSum,
                        out float _, out float _, out float _, out float _, out float _);
                    if (t < bestT) { bestT = t; best = act; }
                }
            }
            s.ActionIn[u] = best;
            if (R.LoadsServer(best, j, j, jt, levels)) a.Committed[s.Server(e, j)] += 1;
            if (jt != j && R.LoadsServer(best, jt, j, jt, levels)) a.Committed[s.Server(e, jt)] += 1;
        }
    }
}
