using GpuTwin.Kernels.Random;
using ILGPU;
using static GpuTwin.VecEnv.Scenarios.CollaborativeMec.CollabMecParameters;

namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec.Kernels;

/// <summary>
/// Starts an episode (spec §2, §6 S9): the clock, then per device p ~ U[P_lo, P_hi] (fixed for the episode) and
/// Q^E(0) ~ U[0, Q0_max], keyed by slot 0 of the new episode. The slot-0 tasks are drawn afterwards by
/// <see cref="SlotDraws"/>.
/// </summary>
public static class EpisodeReset
{
    /// <summary>onlyDone = 0: every env to episode 0 (Reset(seed)); 1: only envs truncated this step, to their next episode.</summary>
    public static void ResetClockKernel(Index1D e, CollabMecState s, int onlyDone)
    {
        if (onlyDone != 0 && s.Truncated[e] == 0) return;
        s.EpisodeIndex[e] = onlyDone != 0 ? s.EpisodeIndex[e] + 1 : 0;
        s.Slot[e] = 0;
        s.EpisodeIncome[e] = 0f;
    }

    /// <summary>One thread per device slot (env-major); runs after <see cref="ResetClockKernel"/>.</summary>
    public static void ResetDevicesKernel(Index1D d, CollabMecState s, int onlyDone)
    {
        int e = d / s.DevicesPerEnv;
        if (onlyDone != 0 && s.Truncated[e] == 0) return;
        if (s.DevActive[d] == 0)
        {
            s.TxPowerW[d] = 0f;
            s.BatteryJ[d] = 0f;
            return;
        }
        int q = d - e * s.DevicesPerEnv, i = q / s.UMax, j = q - i * s.UMax;
        var rng = new CounterRng(s.Seed, e, s.EpisodeIndex[e], 0);
        int entity = CollabMecStreams.Entity(i, j);
        s.TxPowerW[d] = CollabMecRules.UniformIn(s.P_lo[e], s.P_hi[e], rng.Uniform(CollabMecStreams.ResetPower, entity));
        s.BatteryJ[d] = CollabMecRules.UniformIn(0f, s.BatteryInitMax[e], rng.Uniform(CollabMecStreams.ResetBattery, entity));
    }
}
