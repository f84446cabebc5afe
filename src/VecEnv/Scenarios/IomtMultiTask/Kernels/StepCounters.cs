using GpuTwin.Kernels.Numerics;
using GpuTwin.Kernels.Radio;
using ILGPU;
using static GpuTwin.VecEnv.Scenarios.IomtMultiTask.IomtParameters;
using C = GpuTwin.VecEnv.Scenarios.IomtMultiTask.IomtCounters;

namespace GpuTwin.VecEnv.Scenarios.IomtMultiTask.Kernels;

/// <summary>Reduces this step's per-task quantities to the per-env counters and adds them to the running totals.</summary>
public static class StepCounters
{
    public static void CountStepKernel(Index1D e, IomtState s)
    {
        int uCount = s.Users(e), jCount = s.Tasks(e), kCount = s.Servers(e);
        float tMax = s.P(e, TmaxS), fUser = s.P(e, UserCpuHz), fServer = s.P(e, ServerCpuHz), bServer = s.P(e, ServerBwHz);
        float tasks = 0f, delay = 0f, energy = 0f, wSum = 0f, wDelay = 0f, viol = 0f, off = 0f, rate = 0f, snr = 0f;
        float n1 = 0f, n2 = 0f, n3 = 0f, d1 = 0f, d2 = 0f, d3 = 0f, leftFrac = 0f, usedMax = 0f, localUtil = 0f;
        for (int i = 0; i < uCount; i++)
        {
            int u = s.User(e, i);
            float localHz = 0f;
            for (int j = 0; j < jCount; j++)
            {
                int t = s.Task(e, i, j);
                float d = s.DelayS[t], w = s.PrioWeight[t];
                tasks += 1f;
                delay += d;
                energy += s.EnergyJ[t];
                wSum += w;
                wDelay += w * d;
                if (d > tMax) viol += 1f;
                int p = s.Priority[t];
                if (p <= 1) { n1 += 1f; d1 += d; }
                else if (p == 2) { n2 += 1f; d2 += d; }
                else { n3 += 1f; d3 += d; }
                int target = s.Target[t];
                if (target == 0) localHz += s.CpuHz[t];
                else
                {
                    off += 1f;
                    rate += s.RateBps[t];
                    float b = s.BwHz[t];
                    float rho = s.MeanGainOverN0[s.Link(e, i, target - 1)];
                    snr += b > 0f && rho > 0f ? Decibel.FromLinear(rho / b) : 0f;
                }
            }
            localUtil += localHz / fUser;
            float cap = s.CapJ[u];
            float frac = cap > 0f ? s.EnergyLeftJ[u] / cap : 0f;
            leftFrac += frac;
            usedMax = FMath.Max(usedMax, 1f - frac);
        }
        float cpuUtil = 0f, bwUtil = 0f;
        for (int k = 0; k < kCount; k++)
        {
            int m = s.Server(e, k);
            float cpu = s.ServerCpuDemand[m], bw = s.ServerBwDemand[m];
            bool normalise = (int)s.P(e, ShareMapping) == ShareNormalise;
            // Σ grants / X of a pool is min(S, 1) (or 1 when normalised and used).
            cpuUtil += cpu <= 0f ? 0f : (normalise ? 1f : FMath.Min(cpu, 1f));
            bwUtil += bw <= 0f ? 0f : (normalise ? 1f : FMath.Min(bw, 1f));
        }
        int o = e * s.CounterCount;
        Put(s, o + C.Tasks, tasks);
        Put(s, o + C.DelayS, delay);
        Put(s, o + C.EnergyJ, energy);
        Put(s, o + C.WeightSum, wSum);
        Put(s, o + C.WeightedDelayS, wDelay);
        Put(s, o + C.Violations, viol);
        Put(s, o + C.Offloaded, off);
        Put(s, o + C.TasksP1, n1);
        Put(s, o + C.TasksP2, n2);
        Put(s, o + C.TasksP3, n3);
        Put(s, o + C.DelayP1, d1);
        Put(s, o + C.DelayP2, d2);
        Put(s, o + C.DelayP3, d3);
        Put(s, o + C.RateBps, rate);
        Put(s, o + C.SnrDb, snr);
        Put(s, o + C.UserSteps, uCount);
        Put(s, o + C.EnergyLeftFrac, leftFrac);
        PutMax(s, o + C.EnergyUsedFracMax, usedMax);
        Put(s, o + C.LocalCpuUtil, localUtil);
        Put(s, o + C.ServerCpuUtil, cpuUtil);
        Put(s, o + C.ServerBwUtil, bwUtil);
        Put(s, o + C.ServerSteps, kCount);
        Put(s, o + C.RewardSystem, s.RewardSystem[e]);
        Put(s, o + C.EnvSteps, 1f);
        s.StepCounters[o + C.Episodes] = 0f;
        s.StepCounters[o + C.Terminations] = 0f;
        s.StepCounters[o + C.EpisodeLength] = 0f;
        s.StepCounters[o + C.EpisodeReturn] = 0f;
    }

    /// <summary>Called after the episode end is decided: counts ended episodes, their length and return.</summary>
    public static void CountEpisodeEndKernel(Index1D e, IomtState s)
    {
        if (!s.Done(e)) return;
        int o = e * s.CounterCount;
        Put(s, o + C.Episodes, 1f);
        Put(s, o + C.Terminations, s.Terminated[e] != 0 ? 1f : 0f);
        Put(s, o + C.EpisodeLength, s.Step[e]);
        Put(s, o + C.EpisodeReturn, s.EpisodeReturn[e]);
    }

    private static void Put(in IomtState s, int index, float value)
    {
        s.StepCounters[index] = value;
        s.CounterTotals[index] += value;
    }

    private static void PutMax(in IomtState s, int index, float value)
    {
        s.StepCounters[index] = value;
        if (value > s.CounterTotals[index]) s.CounterTotals[index] = value;
    }
}
