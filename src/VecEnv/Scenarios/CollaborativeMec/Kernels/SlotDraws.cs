using GpuTwin.Kernels.Random;
using GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement;
using ILGPU;
using static GpuTwin.VecEnv.Scenarios.CollaborativeMec.CollabMecParameters;
using R = GpuTwin.VecEnv.Scenarios.CollaborativeMec.CollabMecRules;
using St = GpuTwin.VecEnv.Scenarios.CollaborativeMec.CollabMecStreams;

namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec.Kernels;

/// <summary>
/// The exogenous fields of slot t (spec §3), keyed by (episode, t): z = χ·U[z_lo, z_hi], v = ζ_i·U[v_lo, v_hi],
/// δ ~ U[ψ·δ_lo, δ_hi], g = ξ_i·U[g_lo, g_hi], h = σ·h̄·Exp(1), e = ρ·U[e_lo, e_hi] (×τ_slot with HarvestAsPower),
/// then ν⁰. With PowerPerSlot p is redrawn too. Padded slots are zero. None of this depends on actions.
/// </summary>
public static class SlotDraws
{
    /// <summary>One thread per device slot; onlyDone = 1 draws only envs truncated (and reset) this step.</summary>
    public static void DrawSlotKernel(Index1D d, CollabMecState s, int onlyDone)
    {
        int e = d / s.DevicesPerEnv;
        if (onlyDone != 0 && s.Truncated[e] == 0) return;
        if (s.DevActive[d] == 0)
        {
            s.SizeBits[d] = 0f; s.CyclesPerBit[d] = 0f; s.DeadlineS[d] = 0f; s.Award[d] = 0f;
            s.Gain[d] = 0f; s.HarvestJ[d] = 0f; s.Rate0Bps[d] = 0f;
            return;
        }
        int q = d - e * s.DevicesPerEnv, i = q / s.UMax, j = q - i * s.UMax;
        int bs = s.Bs(e, i), entity = St.Entity(i, j);
        var rng = new CounterRng(s.Seed, e, s.EpisodeIndex[e], s.Slot[e]);
        if (s.P(e, PowerPerSlot) != 0f)
            s.TxPowerW[d] = R.UniformIn(s.P_lo[e], s.P_hi[e], rng.Uniform(St.ResetPower, entity));
        s.SizeBits[d] = s.SizeScale[e] * R.UniformIn(s.P(e, SizeMinBits), s.P(e, SizeMaxBits), rng.Uniform(St.Size, entity));
        s.CyclesPerBit[d] = s.DensityScale[bs] * R.UniformIn(s.P(e, DensityMin), s.P(e, DensityMax), rng.Uniform(St.Density, entity));
        s.DeadlineS[d] = R.UniformIn(s.DeadlineScale[e] * s.P(e, DeadlineMinS), s.P(e, DeadlineMaxS), rng.Uniform(St.Deadline, entity));
        s.Award[d] = s.AwardScale[bs] * R.UniformIn(s.P(e, AwardMin), s.P(e, AwardMax), rng.Uniform(St.Award, entity));
        s.Gain[d] = s.GainScale[e] * s.GainMean[e] * R.FadingPower(rng.Uniform(St.Fading, entity));
        float harvest = s.HarvestScale[e] * R.UniformIn(s.P(e, HarvestMinJ), s.P(e, HarvestMaxJ), rng.Uniform(St.Harvest, entity));
        s.HarvestJ[d] = s.P(e, HarvestAsPower) != 0f ? harvest * s.P(e, SlotS) : harvest;
        s.Rate0Bps[d] = RefinementRules.InterferenceFreeRateBps(s.TxPowerW[d], s.Gain[d], s.BandwidthHz[e], s.NoisePsd[e]);
    }
}
