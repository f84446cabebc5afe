using ILGPU;
using C = GpuTwin.VecEnv.Scenarios.V2xOffloading.V2xCounters;
using static GpuTwin.VecEnv.Scenarios.V2xOffloading.V2xParameters;

namespace GpuTwin.VecEnv.Scenarios.V2xOffloading.Kernels;

/// <summary>Reduces this slot's per-vehicle quantities to the per-env counters and adds them to the running totals.</summary>
public static class SlotCounters
{
    public static void CountSlotKernel(Index1D e, V2xState s)
    {
        int m = s.Vehicles(e), n = s.Servers(e);
        float cost = 0f, tCost = 0f, eCost = 0f, rate = 0f, power = 0f, cpu = 0f, bw = 0f;
        int failures = 0, local = 0, direct = 0, relay = 0, noCov = 0, off = 0;
        float tau = s.P(e, DeadlineS), kappa = s.P(e, FailMult);
        for (int i = 0; i < m; i++)
        {
            int v = s.Veh(e, i);
            cost += s.CostI[v];
            bool failed = s.Failed[v] != 0;
            if (failed) failures++;
            tCost += failed ? kappa * tau : s.DelayS[v];
            eCost += s.EnergyJ[v];
            int x = s.Target[v];
            if (s.NoCoverage[v] != 0) noCov++;
            if (x == 0) { local++; continue; }
            off++;
            if (s.UploadEs[v] == x - 1) direct++; else relay++;
            rate += s.RateBps[v];
            power += s.TxPowerW[v];
        }
        for (int j = 0; j < n; j++)
        {
            int q = s.Es(e, j);
            float fmax = s.FmaxHz[q], bmax = s.P(e, BmaxHz);
            cpu += fmax > 0f ? 1f - s.DtFremHz[q] / fmax : 0f;
            bw += 1f - s.DtBremHz[q] / bmax;
        }
        float cRef = V2xRules.CostRef(s, e);
        int o = e * s.CounterCount;
        Put(s, o + C.CostSum, cost);
        Put(s, o + C.TCostS, tCost);
        Put(s, o + C.ECostJ, eCost);
        Put(s, o + C.Vehicles, m);
        Put(s, o + C.Failures, failures);
        Put(s, o + C.Local, local);
        Put(s, o + C.Direct, direct);
        Put(s, o + C.Relay, relay);
        Put(s, o + C.NoCoverage, noCov);
        Put(s, o + C.Offloaders, off);
        Put(s, o + C.RateBps, rate);
        Put(s, o + C.TxPowerW, power);
        Put(s, o + C.CpuUtil, cpu);
        Put(s, o + C.BwUtil, bw);
        Put(s, o + C.EsSlots, n);
        Put(s, o + C.Reward, s.RewardRaw[e]);
        Put(s, o + C.RewardNorm, 1f + s.RewardRaw[e] / cRef);
        Put(s, o + C.EnvSteps, 1f);
        Put(s, o + C.Episodes, 0f);
        Put(s, o + C.FirstCost, s.CostI[s.Veh(e, 0)]);
        Put(s, o + C.LastCost, s.CostI[s.Veh(e, m - 1)]);
    }

    /// <summary>Called after the clock: counts episodes that ended this step.</summary>
    public static void CountEpisodeEndKernel(Index1D e, V2xState s)
    {
        if (s.Truncated[e] == 0) return;
        int o = e * s.CounterCount + C.Episodes;
        s.StepCounters[o] = 1f;
        s.CounterTotals[o] += 1.0;
    }

    private static void Put(in V2xState s, int index, float value)
    {
        s.StepCounters[index] = value;
        s.CounterTotals[index] += value;
    }
}
