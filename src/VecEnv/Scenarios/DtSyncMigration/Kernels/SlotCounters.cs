using GpuTwin.Kernels.Numerics;
using GpuTwin.Kernels.Radio;
using ILGPU;
using C = GpuTwin.VecEnv.Scenarios.DtSyncMigration.DtSyncCounters;

namespace GpuTwin.VecEnv.Scenarios.DtSyncMigration.Kernels;

/// <summary>Reduces this slot's per-MU quantities to the per-env counters and adds them to the running totals.</summary>
public static class SlotCounters
{
    public static void CountSlotKernel(Index1D e, DtSyncState s)
    {
        int kCount = s.Mus(e);
        float energy = 0f, delay = 0f, power = 0f, sinrDb = 0f, rate = 0f, ySum = 0f, yMax = 0f, age = 0f;
        int requests = 0, failures = 0, blockedFail = 0, successes = 0, blocked = 0, tx = 0, forwarded = 0;
        for (int k = 0; k < kCount; k++)
        {
            int i = s.Mu(e, k);
            energy += s.EnergyJ[i];
            bool req = s.Requested[i] != 0, isBlocked = s.Blocked[i] != 0;
            if (isBlocked) blocked++;
            if (req)
            {
                requests++;
                if (s.Failed[i] != 0) { failures++; if (isBlocked) blockedFail++; }
                else { successes++; delay += s.DelayS[i]; }
                if (!isBlocked && s.Assoc[i] != s.DtHost[i]) forwarded++;
            }
            if (s.Transmitting[i] != 0)
            {
                tx++;
                power += s.TxPowerW[i];
                sinrDb += s.Sinr[i] > 0f ? Decibel.FromLinear(s.Sinr[i]) : -100f;
                rate += s.RateBps[i];
            }
            float y = s.VQueue[i];
            ySum += y;
            yMax = FMath.Max(yMax, y);
            age += s.Slot[e] - s.DtLastSyncSlot[i];
        }
        bool frameStart = DtSyncRules.IsFrameStart(s, e);
        int o = e * s.CounterCount;
        Put(s, o + C.EnergyJ, energy);
        Put(s, o + C.MuSlots, kCount);
        Put(s, o + C.Requests, requests);
        Put(s, o + C.Failures, failures);
        Put(s, o + C.FailuresBlocked, blockedFail);
        Put(s, o + C.FailuresDeadline, failures - blockedFail);
        Put(s, o + C.Successes, successes);
        Put(s, o + C.DelaySuccessS, delay);
        Put(s, o + C.Migrations, s.FrameMigrations[e]);
        Put(s, o + C.MuFrames, frameStart ? kCount : 0);
        Put(s, o + C.BlockedMus, blocked);
        Put(s, o + C.Transmitters, tx);
        Put(s, o + C.TxPowerW, power);
        Put(s, o + C.SinrDb, sinrDb);
        Put(s, o + C.RateBps, rate);
        Put(s, o + C.Forwarded, forwarded);
        Put(s, o + C.VQueueSum, ySum);
        PutMax(s, o + C.VQueueMax, yMax);
        Put(s, o + C.TwinAgeSlots, age);
        Put(s, o + C.RewardGlobal, s.RewardGlobal[e]);
        Put(s, o + C.RewardCenter, s.RewardCenter[e]);
        Put(s, o + C.EnvSteps, 1f);
        Put(s, o + C.Episodes, 0f);
    }

    /// <summary>Called after the clock: counts episodes that ended this step.</summary>
    public static void CountEpisodeEndKernel(Index1D e, DtSyncState s)
    {
        if (s.Truncated[e] == 0) return;
        int o = e * s.CounterCount + C.Episodes;
        s.StepCounters[o] = 1f;
        s.CounterTotals[o] += 1.0;
    }

    private static void Put(in DtSyncState s, int index, float value)
    {
        s.StepCounters[index] = value;
        s.CounterTotals[index] += value;
    }

    private static void PutMax(in DtSyncState s, int index, float value)
    {
        s.StepCounters[index] = value;
        if (value > s.CounterTotals[index]) s.CounterTotals[index] = value;
    }
}
