using GpuTwin.Kernels.Numerics;
using GpuTwin.Kernels.Radio;
using GpuTwin.Kernels.Random;
using ILGPU;
using static GpuTwin.VecEnv.Scenarios.IomtMultiTask.IomtParameters;

namespace GpuTwin.VecEnv.Scenarios.IomtMultiTask.Kernels;

/// <summary>
/// S5–S8: the uplink rate of every offloaded task (expected Rayleigh rate (b/ln 2)·e^x·E1(x), x = b/ρ, or one
/// sampled fade), delay (eq. 9) and energy (eq. 10) of every task, and the priority-weighted rewards of §7:
/// r = w·(cost^max − cost) with cost^max = α^T + α^E (or the literal per-user max), minus the
/// over-subscription charge with share_mapping=penalty.
/// </summary>
public static class TaskOutcome
{
    public static void TaskOutcomeKernel(Index1D e, IomtState s)
    {
        int uCount = s.Users(e), jCount = s.Tasks(e);
        bool sampled = (int)s.P(e, FadingMode) == FadingSampled;
        bool penalty = (int)s.P(e, ShareMapping) == SharePenalty;
        bool perUserMax = (int)s.P(e, CostMax) == CostMaxPerUserMax;
        float k0 = s.P(e, K0), tBig = s.P(e, TBigS), lambda = s.P(e, LambdaPen);
        float costMax = s.P(e, AlphaT) + s.P(e, AlphaE);
        var rng = new CounterRng(s.Seed, e, s.EpisodeIndex[e], s.Step[e]);
        float system = 0f;
        for (int i = 0; i < s.UMax; i++)
        {
            int u = s.User(e, i);
            if (i >= uCount)
            {
                s.RewardAgent[u] = 0f;
                for (int j = 0; j < s.JMax; j++) Clear(s, s.Task(e, i, j));
                continue;
            }
            float p = s.TxPowerW[u];
            float userMax = 0f;
            for (int j = 0; j < s.JMax; j++)
            {
                int t = s.Task(e, i, j);
                if (j >= jCount) { Clear(s, t); continue; }
                int target = s.Target[t];
                float delay, energy, rate = 0f;
                if (target == 0) IomtRules.Local(s.Cycles[t], s.CpuHz[t], k0, tBig, out delay, out energy);
                else
                {
                    int k = target - 1;
                    float rho = s.MeanGainOverN0[s.Link(e, i, k)], b = s.BwHz[t];
                    if (sampled)
                    {
                        float y = -FMath.Log(rng.Uniform(IomtStreams.Fading, i * s.KMax + k));
                        rate = b > 0f ? ShannonRate.Bps(b, rho / b * y) : 0f;
                    }
                    else rate = IomtRules.ExpectedRateBps(b, rho);
                    IomtRules.Offload(s.DataBits[t], s.Cycles[t], rate, s.CpuHz[t], p, tBig, out delay, out energy);
                }
                s.RateBps[t] = rate;
                s.DelayS[t] = delay;
                s.EnergyJ[t] = energy;
                float cost = IomtRules.Cost(s, e, delay, energy);
                float w = s.PrioWeight[t];
                if (perUserMax)
                {
                    float cw = w * cost;
                    s.TaskReward[t] = cw; // weighted cost for now; turned into a reward below
                    userMax = FMath.Max(userMax, cw);
                }
                else s.TaskReward[t] = w * (costMax - cost);
            }

            float agent = 0f;
            for (int j = 0; j < jCount; j++)
            {
                int t = s.Task(e, i, j);
                float r = perUserMax ? userMax - s.TaskReward[t] : s.TaskReward[t];
                if (penalty) r -= Charge(s, e, u, s.Target[t], lambda);
                s.TaskReward[t] = r;
                agent += r;
            }
            s.RewardAgent[u] = agent;
            system += agent;
        }
        s.RewardSystem[e] = system;
    }

    /// <summary>λ·max(0, S − 1)/n of each pool the task is in (its CPU pool, and its bandwidth pool if offloaded).</summary>
    private static float Charge(in IomtState s, int e, int u, int target, float lambda)
    {
        if (target == 0)
        {
            float sum = s.LocalCpuDemand[u];
            return sum > 1f ? lambda * (sum - 1f) / s.LocalTasks[u] : 0f;
        }
        int m = s.Server(e, target - 1);
        float n = s.ServerLoadTasks[m], cpu = s.ServerCpuDemand[m], bw = s.ServerBwDemand[m];
        float c = cpu > 1f ? lambda * (cpu - 1f) / n : 0f;
        if (bw > 1f) c += lambda * (bw - 1f) / n;
        return c;
    }

    private static void Clear(in IomtState s, int t)
    {
        s.RateBps[t] = 0f;
        s.DelayS[t] = 0f;
        s.EnergyJ[t] = 0f;
        s.TaskReward[t] = 0f;
    }
}
