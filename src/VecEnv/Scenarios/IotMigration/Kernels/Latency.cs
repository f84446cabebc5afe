using GpuTwin.Kernels.Numerics;
using GpuTwin.VecEnv.Scenarios.IotMigration.Authentication;
using ILGPU;
using static GpuTwin.VecEnv.Scenarios.IotMigration.IotMigrationParameters;
using R = GpuTwin.VecEnv.Scenarios.IotMigration.IotMigrationRules;

namespace GpuTwin.VecEnv.Scenarios.IotMigration.Kernels;

/// <summary>
/// S7–S8: edge loads n_m = transmitters served at m plus migrations targeting m, equal CPU shares F_max/n_m (C2
/// with equality), and each requester's latency terms (eqs. 1–9, spec corrections): LOCAL, or the offloaded
/// path with a handshake when the session bit is clear (and at j' with migration_auth=user-handshake).
/// A user refused in this slot computes locally and pays the failure latency at R̃ = max(rate vs P_j, R_min).
/// </summary>
public static class Latency
{
    public static void LatencyKernel(Index1D e, IotMigrationState s)
    {
        int uCount = s.Users(e), levels = s.ThetaLevels(e);
        for (int m = 0; m < s.NMax; m++) s.Load[s.Server(e, m)] = 0;
        for (int i = 0; i < uCount; i++)
        {
            int u = s.User(e, i);
            if (s.TxFlag[u] == 0) continue;
            s.Load[s.Server(e, s.Serving[u])] += 1;
            if (R.IsMigrate(s.ActionEff[u], levels)) s.Load[s.Server(e, s.Target[u])] += 1;
        }

        float fEdge = s.P(e, FEdgeHz), fLocal = s.P(e, FLocalHz), c = s.P(e, CyclesPerBit), kappa = s.P(e, MigSplit);
        float p = s.P(e, TxPowerW), noise = s.P(e, NoiseW), bw = s.P(e, BandwidthHz), rMin = s.P(e, RMinBps);
        float tCtx = s.P(e, TCtxS), backhaul = s.P(e, BackhaulBps);
        bool authCost = (int)s.P(e, AuthLatency) == AuthLatencySpec;
        bool userHandshakeAtTarget = (int)s.P(e, MigrationAuth) == MigrationAuthUserHandshake;
        bool literalEq9 = (int)s.P(e, Eq9) == Eq9PaperLiteral, combineSum = (int)s.P(e, Combine) == CombineSum;
        bool backhaulRate = (int)s.P(e, MigrationRate) == MigrationRateBackhaul;
        int n = s.NReq[e], row = e * s.UMax;
        for (int q = 0; q < n; q++)
        {
            int i = s.Order[row + q];
            int u = s.User(e, i);
            float bits = s.TaskBits[u];
            int a = s.ActionEff[u];
            int j = s.Serving[u];
            if (a == 0)
            {
                float t = R.LocalLatency(bits, c, fLocal);
                s.TLocal[u] = t;
                if (s.RefusedNow[u] != 0 && authCost)
                {
                    float own = p * s.Gain[s.Link(e, i, j)];
                    float rTilde = FMath.Max(R.RateBps(bw, own / (noise + s.RecvPowerW[s.Server(e, j)])), rMin);
                    float fail = FailureS(s, e, s.AuthReason[u], rTilde);
                    s.HandshakeS[u] = fail;
                    t += fail;
                }
                s.TProc[u] = t;
                continue;
            }
            float rate = s.RateBps[u];
            bool migrate = R.IsMigrate(a, levels);
            int jt = s.Target[u];
            float hs = 0f;
            uint mask = s.SessionMask[u];
            int handshakes = 0;
            if ((mask & (1u << j)) == 0u)
            {
                mask |= 1u << j;
                handshakes++;
                if (authCost) hs += SuccessS(s, e, rate);
            }
            if (migrate && userHandshakeAtTarget && (mask & (1u << jt)) == 0u)
            {
                mask |= 1u << jt;
                handshakes++;
                if (authCost) hs += SuccessS(s, e, rate);
            }
            s.SessionMask[u] = mask;
            s.Handshakes[u] = (byte)handshakes;
            s.HandshakeS[u] = hs;
            float fj = fEdge / FMath.Max(s.Load[s.Server(e, j)], 1);
            float fjt = fEdge / FMath.Max(s.Load[s.Server(e, jt)], 1);
            s.TProc[u] = R.OffloadLatency(bits, c, R.Theta(a, levels), migrate, kappa, rate, backhaulRate ? backhaul : rate,
                fj, fjt, fLocal, hs, migrate ? tCtx : 0f, literalEq9, combineSum,
                out float tLocal, out float tTrans, out float tExe, out float tMig, out float tExe2);
            s.TLocal[u] = tLocal; s.TTrans[u] = tTrans; s.TExe[u] = tExe; s.TMig[u] = tMig; s.TExe2[u] = tExe2;
        }
    }

    public static float SuccessS(in IotMigrationState s, int e, float uplinkBps) =>
        R.AuthSuccessS(uplinkBps, s.P(e, TAirS), s.P(e, UserSignS), s.P(e, UserVerifyS), s.P(e, EdgeSignS), s.P(e, EdgeVerifyS),
            s.P(e, RDlBps), s.P(e, CertBits), s.P(e, M5Bits), s.P(e, M7Bits), s.P(e, M9Bits));

    /// <summary>WrongKey fails at proof of possession; every other reason at the certificate check.</summary>
    public static float FailureS(in IotMigrationState s, int e, int reason, float uplinkBps) =>
        reason == (int)AuthReason.WrongKey
            ? R.AuthKeyFailureS(uplinkBps, s.P(e, TAirS), s.P(e, UserSignS), s.P(e, UserVerifyS), s.P(e, EdgeVerifyS), s.P(e, RDlBps), s.P(e, CertBits), s.P(e, M5Bits))
            : R.AuthCertFailureS(uplinkBps, s.P(e, TAirS), s.P(e, EdgeVerifyS), s.P(e, CertBits));
}
