using GpuTwin.Kernels.Numerics;
using GpuTwin.Kernels.Random;
using ILGPU;
using static GpuTwin.VecEnv.Scenarios.IomtMultiTask.IomtParameters;

namespace GpuTwin.VecEnv.Scenarios.IomtMultiTask.Baselines;

/// <summary>
/// The spec §9 heuristics as one per-env kernel that writes every user's hybrid action. "Equal shares" is
/// x^f = x^b = 1, which the pools' scale-if-exceeds split into X/n. H3 reads the twin's full state (all tasks,
/// all distances), so it is centralised.
/// </summary>
public static class IomtBaselineActions
{
    /// <summary>H3 switches target only on a strict improvement of this much.</summary>
    private const float SwitchMargin = 1e-12f;

    public static void BaselineActionsKernel(Index1D e, IomtState s, IomtBaselineArgs a)
    {
        int uCount = s.Users(e), jCount = s.Tasks(e), kCount = s.Servers(e);
        var kind = (IomtHeuristic)a.Heuristic;
        var rng = new CounterRng(a.PolicySeed, e, s.EpisodeIndex[e], s.Step[e]);
        for (int i = 0; i < s.UMax; i++)
            for (int j = 0; j < s.JMax; j++)
            {
                int t = s.Task(e, i, j);
                int target = 0;
                float xf = 0f, xb = 0f;
                if (i < uCount && j < jCount)
                {
                    xf = 1f; xb = 1f;
                    if (kind == IomtHeuristic.Random)
                    {
                        var u = rng.Uniforms(IomtStreams.Explore, i * s.JMax + j);
                        target = CounterRng.ToIndex(u.A, kCount + 1);
                        xf = 1f - u.B;
                        xb = 1f - u.C;
                    }
                    else if (kind == IomtHeuristic.AllOffloadBest) target = IomtRules.NearestServer(s, e, i) + 1;
                }
                s.TargetAction[t] = target;
                s.ShareAction[2 * t] = xf;
                s.ShareAction[2 * t + 1] = xb;
            }
        if (kind == IomtHeuristic.GreedyPriority) Greedy(e, s, a, uCount, jCount, kCount);
    }

    /// <summary>True when task a goes before task b: P descending, C descending, i ascending, j ascending.</summary>
    private static bool Before(in IomtState s, int e, int a, int b)
    {
        int ta = e * s.UMax * s.JMax + a, tb = e * s.UMax * s.JMax + b;
        int pa = s.Priority[ta], pb = s.Priority[tb];
        if (pa != pb) return pa > pb;
        float ca = s.Cycles[ta], cb = s.Cycles[tb];
        if (ca != cb) return ca > cb;
        return a < b; // a = i·JMax + j orders by i, then j
    }

    /// <summary>H3 (spec §9): greedy placement in priority order, then shares w/W_pool.</summary>
    private static void Greedy(int e, in IomtState s, in IomtBaselineArgs a, int uCount, int jCount, int kCount)
    {
        int n = 0, baseOrder = e * s.UMax * s.JMax, baseW = e * (s.UMax + s.KMax);
        for (int i = 0; i < uCount; i++)
            for (int j = 0; j < jCount; j++)
            {
                // Insertion sort by the H3 key.
                int task = i * s.JMax + j;
                int p = n;
                while (p > 0 && Before(s, e, task, a.Order[baseOrder + p - 1]))
                {
                    a.Order[baseOrder + p] = a.Order[baseOrder + p - 1];
                    p--;
                }
                a.Order[baseOrder + p] = task;
                n++;
            }
        a.PoolWeight.Clear(baseW, s.UMax + s.KMax);

        float fUser = s.P(e, UserCpuHz), fServer = s.P(e, ServerCpuHz), bServer = s.P(e, ServerBwHz);
        float k0 = s.P(e, K0), tBig = s.P(e, TBigS), tMax = s.P(e, TmaxS), eMax = s.P(e, EmaxJ);
        float alphaT = s.P(e, AlphaT), alphaE = s.P(e, AlphaE);
        for (int q = 0; q < n; q++)
        {
            int task = a.Order[baseOrder + q];
            int i = task / s.JMax;
            int t = baseOrder + task;
            float w = s.PrioWeight[t], c = s.Cycles[t], d = s.DataBits[t];
            float wLoc = a.PoolWeight[baseW + i];
            IomtRules.Local(c, fUser * w / (wLoc + w), k0, tBig, out float delay, out float energy);
            float best = alphaT * FMath.Min(delay / tMax, 1f) + alphaE * FMath.Min(energy / eMax, 1f);
            int bestS = 0;
            float p = s.TxPowerW[s.User(e, i)];
            for (int k = 0; k < kCount; k++)
            {
                float share = w / (a.PoolWeight[baseW + s.UMax + k] + w);
                float b = bServer * share;
                float rate = IomtRules.ExpectedRateBps(b, s.MeanGainOverN0[s.Link(e, i, k)]);
                IomtRules.Offload(d, c, rate, fServer * share, p, tBig, out delay, out energy);
                float cost = alphaT * FMath.Min(delay / tMax, 1f) + alphaE * FMath.Min(energy / eMax, 1f);
                if (cost < best - SwitchMargin) { best = cost; bestS = k + 1; }
            }
            s.TargetAction[t] = bestS;
            int pool = bestS == 0 ? i : s.UMax + bestS - 1;
            a.PoolWeight[baseW + pool] += w;
        }
        for (int q = 0; q < n; q++)
        {
            int task = a.Order[baseOrder + q];
            int i = task / s.JMax;
            int t = baseOrder + task;
            int target = s.TargetAction[t];
            int pool = target == 0 ? i : s.UMax + target - 1;
            float x = s.PrioWeight[t] / a.PoolWeight[baseW + pool];
            s.ShareAction[2 * t] = x;
            s.ShareAction[2 * t + 1] = x;
        }
    }
}
