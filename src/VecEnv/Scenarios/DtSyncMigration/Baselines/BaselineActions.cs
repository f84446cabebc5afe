using GpuTwin.Kernels.Compute;
using GpuTwin.Kernels.Numerics;
using GpuTwin.Kernels.Random;
using ILGPU;
using static GpuTwin.VecEnv.Scenarios.DtSyncMigration.DtSyncParameters;

namespace GpuTwin.VecEnv.Scenarios.DtSyncMigration.Baselines;

/// <summary>
/// The spec §9 heuristics as one per-env kernel that writes the MU, CC and BS actions of a slot. They use
/// oracle state (this slot's gains and requests), so one kernel can resolve the MU → CC → BS order itself.
/// Common rule for B1–B4: every BS share is 1, so CPU and wired rates are split equally.
/// </summary>
public static class BaselineActions
{
    /// <summary>B4's power iteration: 20 Jacobi steps from P_max/10 (spec §9).</summary>
    private const int PowerIterations = 20;
    /// <summary>B4 aims 10% above the SINR that exactly meets the deadline (spec §9).</summary>
    private const float SinrMargin = 1.1f;

    public static void BaselineActionsKernel(Index1D e, DtSyncState s, BaselineArgs a)
    {
        int kCount = s.Mus(e), mCount = s.Bss(e);
        var kind = (DtSyncHeuristic)a.Heuristic;
        var rng = new CounterRng(a.PolicySeed, e, s.EpisodeIndex[e], s.Slot[e]);

        // Association and placement proposal.
        for (int k = 0; k < kCount; k++)
        {
            int i = s.Mu(e, k);
            if (kind == DtSyncHeuristic.Random)
            {
                var u = rng.Uniforms(DtSyncStreams.RandomPolicy, k);
                s.MuAssocAction[i] = CounterRng.ToIndex(u.A, mCount);
                s.MuPowerAction[i] = 1f - u.B;
                s.CcProposalAction[i] = CounterRng.ToIndex(u.C, mCount);
            }
            else
            {
                int nearest = DtSyncRules.NearestBs(s, e, k);
                s.MuAssocAction[i] = nearest;
                s.MuPowerAction[i] = 1f;
                s.CcProposalAction[i] = kind == DtSyncHeuristic.Static ? s.DtHost[i] : nearest;
            }
        }

        // BS shares: uniform for B0, equal (x = 1) otherwise.
        for (int m = 0; m < s.MMax; m++)
            for (int k = 0; k < s.KMax; k++)
            {
                float wired = 1f, cpu = 1f;
                if (kind == DtSyncHeuristic.Random)
                {
                    var u = rng.Uniforms(DtSyncStreams.RandomPolicy, s.KMax + m * s.KMax + k);
                    wired = 1f - u.A;
                    cpu = 1f - u.B;
                }
                s.BsShareAction[s.WiredShare(e, m, k)] = wired;
                s.BsShareAction[s.CpuShare(e, m, k)] = cpu;
            }

        if (kind == DtSyncHeuristic.RxPowerEqualise) EqualiseReceivedPower(e, s);
        else if (kind == DtSyncHeuristic.DeadlinePowerControl) DeadlinePowerControl(e, s, a);
    }

    /// <summary>True when MU k will transmit this slot under the baseline's own association and placement.</summary>
    private static bool WillTransmit(in DtSyncState s, int e, int k) =>
        s.Requested[s.Mu(e, k)] != 0 && !DtSyncRules.EffectiveBlocked(s, e, k);

    /// <summary>B3: p_k = P_max · min_{j∈S_m} g_{j,m} / g_{k,m}: every user of a cell arrives at its weakest user's power.</summary>
    private static void EqualiseReceivedPower(int e, in DtSyncState s)
    {
        int kCount = s.Mus(e);
        for (int k = 0; k < kCount; k++)
        {
            if (!WillTransmit(s, e, k)) continue;
            int m = s.MuAssocAction[s.Mu(e, k)];
            float weakest = float.MaxValue;
            for (int j = 0; j < kCount; j++)
                if (WillTransmit(s, e, j) && s.MuAssocAction[s.Mu(e, j)] == m)
                    weakest = FMath.Min(weakest, s.Gain[s.Pair(e, j, m)]);
            s.MuPowerAction[s.Mu(e, k)] = weakest / s.Gain[s.Pair(e, k, m)];
        }
    }

    /// <summary>
    /// B4 (Foschini–Miljanic): with equal CPU and wired shares fixed, the upload budget is
    /// b = τ − t_cpu − t_wired; target γ* = 1.1·(2^{D/(B·b)} − 1); iterate p ← min(P_max, γ*(I + σ²)/g).
    /// A request with b ≤ 0 cannot make it: p = 0, no energy spent.
    /// </summary>
    private static void DeadlinePowerControl(int e, in DtSyncState s, in BaselineArgs a)
    {
        int kCount = s.Mus(e), mCount = s.Bss(e);
        float pMax = s.P(e, PmaxW), noise = s.P(e, NoiseW), bandwidth = s.P(e, BandwidthHz);
        float fMax = s.P(e, FmaxHz), wCap = s.P(e, WiredBps), tBig = s.P(e, TBigS);
        for (int k = 0; k < kCount; k++)
        {
            int i = s.Mu(e, k);
            a.TargetSinr[i] = 0f;
            s.MuPowerAction[i] = 0f;
            if (!WillTransmit(s, e, k)) continue;
            int alpha = s.MuAssocAction[i], beta = DtSyncRules.EffectiveHost(s, e, k);
            int cpuSet = 0, wiredSet = 0;
            for (int j = 0; j < kCount; j++)
            {
                if (!WillTransmit(s, e, j)) continue;
                int bj = DtSyncRules.EffectiveHost(s, e, j);
                if (bj == beta) cpuSet++;
                if (alpha != beta && bj == beta && s.MuAssocAction[s.Mu(e, j)] == alpha) wiredSet++;
            }
            float d = s.DataBits[i];
            float tCpu = ComputeCost.ProcessingDelayS(d, s.CyclesPerBit[i], fMax / cpuSet, tBig);
            float tWired = alpha != beta ? ComputeCost.TransmissionDelayS(d, wCap / wiredSet, tBig) : 0f;
            float budget = s.DeadlineS[i] - tCpu - tWired;
            if (budget <= 0f) continue;
            float exponent = FMath.Min(d / (bandwidth * budget), 80f); // 2^80 already exceeds any reachable SINR
            a.TargetSinr[i] = SinrMargin * (FMath.Exp(exponent * FMath.Ln2) - 1f);
            s.MuPowerAction[i] = 0.1f;
        }

        for (int iter = 0; iter < PowerIterations; iter++)
        {
            for (int m = 0; m < mCount; m++)
            {
                float total = 0f;
                for (int k = 0; k < kCount; k++)
                    total += pMax * s.MuPowerAction[s.Mu(e, k)] * s.Gain[s.Pair(e, k, m)];
                a.RxTotalW[s.Bs(e, m)] = total;
            }
            for (int k = 0; k < kCount; k++)
            {
                int i = s.Mu(e, k);
                float target = a.TargetSinr[i];
                if (target <= 0f) continue;
                int m = s.MuAssocAction[i];
                float g = s.Gain[s.Pair(e, k, m)];
                float own = pMax * s.MuPowerAction[i] * g;
                float interference = a.RxTotalW[s.Bs(e, m)] - own;
                if (interference < 0f) interference = 0f;
                float p = target * (interference + noise) / g;
                s.MuPowerAction[i] = p >= pMax ? 1f : p / pMax;
            }
        }
    }
}
