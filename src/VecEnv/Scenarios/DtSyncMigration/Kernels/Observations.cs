using GpuTwin.Kernels.Memory;
using GpuTwin.Kernels.Numerics;
using ILGPU;
using static GpuTwin.VecEnv.Scenarios.DtSyncMigration.DtSyncParameters;

namespace GpuTwin.VecEnv.Scenarios.DtSyncMigration.Kernels;

/// <summary>
/// The agents' observations (eqs. 20, 22, 24) and the critics' global state (spec §10), normalised as in
/// spec §5. Pure functions of the state and of the actions already taken this slot: the CC sees the MUs'
/// association α[n], the BSs also see the placement β that the CC's proposal sets at a frame start.
/// Padded MUs/BSs are zero.
/// </summary>
public static class Observations
{
    public static int MuSize(int mMax) => 2 * mMax + 7;
    public static int BsSize(int kMax, int mMax) => 1 + 2 * mMax + kMax * (mMax + 8);
    public static int CcSize(int kMax, int mMax) => kMax * mMax + 2 * mMax + 2 * kMax;
    public static int GlobalSize(int kMax, int mMax) => 9 * kMax + 2 * mMax + 2 * kMax * mMax + 1;

    /// <summary>MU k: k/K, own position, all BS positions, request flag, D/D_max, C/C_max, τ/δt.</summary>
    public static void ObserveMuKernel(Index1D e, DtSyncState s)
    {
        int kCount = s.Mus(e), mCount = s.Bss(e);
        float invW = 1f / s.P(e, AreaM);
        for (int k = 0; k < s.KMax; k++)
        {
            int o = s.Mu(e, k) * s.MuObsSize;
            if (k >= kCount)
            {
                s.MuObs.Clear(o, s.MuObsSize);
                continue;
            }
            int i = s.Mu(e, k);
            s.MuObs[o] = (float)k / kCount;
            s.MuObs[o + 1] = s.PosX[i] * invW;
            s.MuObs[o + 2] = s.PosY[i] * invW;
            for (int m = 0; m < s.MMax; m++)
            {
                s.MuObs[o + 3 + 2 * m] = m < mCount ? s.BsX(e, m) * invW : 0f;
                s.MuObs[o + 4 + 2 * m] = m < mCount ? s.BsY(e, m) * invW : 0f;
            }
            WriteRequest(s, e, i, s.MuObs, o + 3 + 2 * s.MMax);
        }
    }

    /// <summary>Control center: α one-hot [K × M], BS positions, MU positions.</summary>
    public static void ObserveCcKernel(Index1D e, DtSyncState s)
    {
        int kCount = s.Mus(e), mCount = s.Bss(e);
        float invW = 1f / s.P(e, AreaM);
        int o = e * s.CcObsSize;
        s.CcObs.Clear(o, s.CcObsSize);
        for (int k = 0; k < kCount; k++)
            s.CcObs[o + k * s.MMax + DtSyncRules.Association(s, e, k)] = 1f;
        int q = o + s.KMax * s.MMax;
        for (int m = 0; m < mCount; m++)
        {
            s.CcObs[q + 2 * m] = s.BsX(e, m) * invW;
            s.CcObs[q + 2 * m + 1] = s.BsY(e, m) * invW;
        }
        int u = q + 2 * s.MMax;
        for (int k = 0; k < kCount; k++)
        {
            s.CcObs[u + 2 * k] = s.PosX[s.Mu(e, k)] * invW;
            s.CcObs[u + 2 * k + 1] = s.PosY[s.Mu(e, k)] * invW;
        }
    }

    /// <summary>
    /// BS m: header (m/M, own position, the other BSs in increasing index), then per MU k a block
    /// [a, α_{k,m}, x, y, D, C, τ, ζ one-hot of β if associated here (M), hostsDt]; zero without a request.
    /// </summary>
    public static void ObserveBsKernel(Index1D e, DtSyncState s)
    {
        int kCount = s.Mus(e), mCount = s.Bss(e);
        float invW = 1f / s.P(e, AreaM);
        int block = s.MMax + 8;
        for (int m = 0; m < s.MMax; m++)
        {
            int o = s.Bs(e, m) * s.BsObsSize;
            s.BsObs.Clear(o, s.BsObsSize);
            if (m >= mCount) continue;
            s.BsObs[o] = (float)m / mCount;
            s.BsObs[o + 1] = s.BsX(e, m) * invW;
            s.BsObs[o + 2] = s.BsY(e, m) * invW;
            int slot = 0;
            for (int other = 0; other < mCount; other++)
            {
                if (other == m) continue;
                s.BsObs[o + 3 + 2 * slot] = s.BsX(e, other) * invW;
                s.BsObs[o + 4 + 2 * slot] = s.BsY(e, other) * invW;
                slot++;
            }
            int head = 1 + 2 * s.MMax;
            for (int k = 0; k < kCount; k++)
            {
                int i = s.Mu(e, k);
                if (s.Requested[i] == 0) continue;
                int b = o + head + k * block;
                int alpha = DtSyncRules.Association(s, e, k);
                int beta = DtSyncRules.EffectiveHost(s, e, k);
                s.BsObs[b] = 1f;
                s.BsObs[b + 1] = alpha == m ? 1f : 0f;
                s.BsObs[b + 2] = s.PosX[i] * invW;
                s.BsObs[b + 3] = s.PosY[i] * invW;
                WriteRequestTail(s, e, i, s.BsObs, b + 4);
                if (alpha == m) s.BsObs[b + 7 + beta] = 1f;
                s.BsObs[b + 7 + s.MMax] = beta == m ? 1f : 0f;
            }
        }
    }

    /// <summary>
    /// Augmented global state (spec §10): u (2K), q (2M), α one-hot (KM, last applied), a (K), Ω (3K),
    /// β one-hot (KM), log1p Y[n] (K), log1p Y[qT] (K), countdown/G (K), slot phase (1).
    /// intoFinal = 1 writes only truncated envs, into FinalGlobal (the bootstrap state).
    /// </summary>
    public static void GlobalStateKernel(Index1D e, DtSyncState s, int intoFinal)
    {
        if (intoFinal != 0 && s.Truncated[e] == 0) return;
        var g = intoFinal != 0 ? s.FinalGlobal : s.Global;
        int kCount = s.Mus(e), mCount = s.Bss(e);
        int kMax = s.KMax, mMax = s.MMax;
        float invW = 1f / s.P(e, AreaM);
        int migSlots = DtSyncRules.MigrationSlots(s, e);
        float invG = migSlots > 0 ? 1f / migSlots : 0f;
        int o = e * s.GlobalSize;
        g.Clear(o, s.GlobalSize);
        int pos = o, bs = o + 2 * kMax, alpha = bs + 2 * mMax, req = alpha + kMax * mMax, omega = req + kMax,
            beta = omega + 3 * kMax, y = beta + kMax * mMax, yFrame = y + kMax, countdown = yFrame + kMax, phase = countdown + kMax;
        for (int m = 0; m < mCount; m++)
        {
            g[bs + 2 * m] = s.BsX(e, m) * invW;
            g[bs + 2 * m + 1] = s.BsY(e, m) * invW;
        }
        for (int k = 0; k < kCount; k++)
        {
            int i = s.Mu(e, k);
            g[pos + 2 * k] = s.PosX[i] * invW;
            g[pos + 2 * k + 1] = s.PosY[i] * invW;
            g[alpha + k * mMax + s.Assoc[i]] = 1f;
            g[req + k] = s.Requested[i];
            WriteRequestTail(s, e, i, g, omega + 3 * k);
            g[beta + k * mMax + s.DtHost[i]] = 1f;
            g[y + k] = FMath.Log1p(s.VQueue[i]);
            g[yFrame + k] = FMath.Log1p(s.VQueueFrame[i]);
            g[countdown + k] = s.MigCountdown[i] * invG;
        }
        g[phase] = (float)(s.Slot[e] % (int)s.P(e, SlotsPerFrame)) / s.P(e, SlotsPerFrame);
    }

    /// <summary>[a, D/D_max, C/C_max, τ/δt] at offset o.</summary>
    private static void WriteRequest(in DtSyncState s, int e, int i, FieldView<float> target, int o)
    {
        target[o] = s.Requested[i];
        WriteRequestTail(s, e, i, target, o + 1);
    }

    /// <summary>[D/D_max, C/C_max, τ/δt] at offset o (zero without a request).</summary>
    private static void WriteRequestTail(in DtSyncState s, int e, int i, FieldView<float> target, int o)
    {
        target[o] = s.DataBits[i] / s.P(e, DmaxBits);
        target[o + 1] = s.CyclesPerBit[i] / s.P(e, CmaxCyclesPerBit);
        target[o + 2] = s.DeadlineS[i] / s.P(e, SlotS);
    }
}
