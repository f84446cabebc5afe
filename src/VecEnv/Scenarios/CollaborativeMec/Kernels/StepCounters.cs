using GpuTwin.Kernels.Numerics;
using GpuTwin.Kernels.Radio;
using GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement;
using ILGPU;
using static GpuTwin.VecEnv.Scenarios.CollaborativeMec.CollabMecParameters;
using C = GpuTwin.VecEnv.Scenarios.CollaborativeMec.CollabMecCounters;

namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec.Kernels;

/// <summary>Reduces this slot's per-device quantities to the per-env counters of spec §7 and adds them to the running totals.</summary>
public static class StepCounters
{
    /// <summary>One thread per env, after the battery update (battery counters are Q^E(t + 1)).</summary>
    public static void CountSlotKernel(Index1D e, CollabMecState s)
    {
        int o = e * s.CounterCount;
        s.StepCounters.Clear(o, s.CounterCount);
        float peer = 0f, offloaded = 0f, completed = 0f;
        float upload = 0f, harvest = 0f, battery = 0f, batteryMin = RefinementRules.EnergyBigJ, active = 0f, sinrDb = 0f, rate = 0f, delay = 0f;
        float noise = s.BandwidthHz[e] * s.NoisePsd[e];
        for (int i = 0; i < s.NMax; i++)
        {
            float homeOffloads = 0f;
            for (int j = 0; j < s.UMax; j++)
            {
                int d = s.Dev(e, i, j);
                if (s.DevActive[d] == 0) continue;
                active += 1f;
                harvest += s.HarvestJ[d];
                battery += s.BatteryJ[d];
                batteryMin = FMath.Min(batteryMin, s.BatteryJ[d]);
                if (s.Offload[d] == 0) continue;
                homeOffloads += 1f;
                offloaded += 1f;
                int b = s.Target[d];
                if (b != i) peer += 1f;
                if (b >= 0 && b < MaxBs) s.StepCounters[o + C.ProcessedBs1 + b] += 1f;
                upload += s.UploadEnergyJ[d];
                rate += s.RateBps[d];
                float own = s.TxPowerW[d] * s.Gain[d];
                float sinr = Sinr.Ratio(own, Sinr.InterferenceFromTotal(s.CellRxPowerW[s.Bs(e, i)], own), noise);
                sinrDb += Decibel.FromLinear(FMath.Max(sinr, 1e-30f));
                if (s.Completed[d] != 0) { completed += 1f; delay += s.DelayS[d]; }
            }
            if (i < MaxBs) s.StepCounters[o + C.OffloadingBs1 + i] = homeOffloads;
        }
        for (int b = 0; b < s.NMax && b < MaxBs; b++)
        {
            float f = s.CpuHz[s.Bs(e, b)];
            s.StepCounters[o + C.CpuDemandUtilBs1 + b] = f > 0f ? s.BsDemandHz[s.Bs(e, b)] / f : 0f;
        }
        s.StepCounters[o + C.Income] = s.Reward[e];
        s.StepCounters[o + C.PeerOffloaded] = peer;
        s.StepCounters[o + C.Offloaded] = offloaded;
        s.StepCounters[o + C.Completed] = completed;
        int dc = e * RefinementCounters.Count;
        s.StepCounters[o + C.NnOffloads] = s.DecoderCounters[dc + RefinementCounters.NnOffloads];
        s.StepCounters[o + C.EnergyDrops] = s.DecoderCounters[dc + RefinementCounters.EnergyDrops];
        s.StepCounters[o + C.CpuDrops] = s.DecoderCounters[dc + RefinementCounters.CpuDrops];
        s.StepCounters[o + C.InfeasibleDrops] = s.DecoderCounters[dc + RefinementCounters.InfeasibleDrops];
        s.StepCounters[o + C.UploadEnergyJ] = upload;
        s.StepCounters[o + C.HarvestJ] = harvest;
        s.StepCounters[o + C.BatterySumJ] = battery;
        s.StepCounters[o + C.BatteryMinJ] = active > 0f ? batteryMin : 0f;
        s.StepCounters[o + C.ActiveDevices] = active;
        s.StepCounters[o + C.SinrDbSum] = sinrDb;
        s.StepCounters[o + C.RateBpsSum] = rate;
        s.StepCounters[o + C.DelaySSum] = delay;
        s.StepCounters[o + C.Slots] = 1f;
        for (int k = 0; k < s.CounterCount; k++) s.CounterTotals[o + k] += s.StepCounters[o + k];
    }

    /// <summary>After the episode end is decided: counts ended episodes, their income and length.</summary>
    public static void CountEpisodeEndKernel(Index1D e, CollabMecState s)
    {
        if (s.Truncated[e] == 0) return;
        int o = e * s.CounterCount;
        Add(s, o + C.Episodes, 1f);
        Add(s, o + C.EpisodeIncome, s.EpisodeIncome[e]);
        Add(s, o + C.EpisodeSlots, s.Slot[e]);
    }

    private static void Add(in CollabMecState s, int index, float value)
    {
        s.StepCounters[index] = value;
        s.CounterTotals[index] += value;
    }
}
