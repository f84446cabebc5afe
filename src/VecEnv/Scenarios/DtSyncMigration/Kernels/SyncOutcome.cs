using GpuTwin.Kernels.Compute;
using ILGPU;
using static GpuTwin.VecEnv.Scenarios.DtSyncMigration.DtSyncParameters;

namespace GpuTwin.VecEnv.Scenarios.DtSyncMigration.Kernels;

/// <summary>
/// S9–S14: sync delay t = D/R + 1(α≠β)·D/w + D·C/f, failure X, transmit energy, the drift-plus-penalty
/// term Ξ, the global reward r_g, the virtual queue update and the action masks of this slot.
/// </summary>
public static class SyncOutcome
{
    public static void SyncOutcomeKernel(Index1D e, DtSyncState s)
    {
        int kCount = s.Mus(e);
        float tBig = s.P(e, TBigS), slotS = s.P(e, SlotS), eps = s.P(e, Epsilon), eta = s.P(e, Eta), nu = s.P(e, Nu);
        bool capEnergy = (int)s.P(e, EnergyCap) == EnergyCapSlot;
        float wE = EnergyWeightOf(s, e);
        float xi = 0f;
        s.BsMask.Clear(s.WiredShare(e, 0, 0), s.MMax * 2 * s.KMax);
        for (int k = 0; k < kCount; k++)
        {
            int i = s.Mu(e, k);
            bool req = s.Requested[i] != 0, blocked = s.Blocked[i] != 0;
            float d = s.DataBits[i];
            float upload = ComputeCost.TransmissionDelayS(d, s.RateBps[i], tBig);
            float delay = 0f;
            byte failed = 0;
            if (req && blocked) { delay = tBig; failed = 1; }
            else if (req)
            {
                float wired = s.Assoc[i] != s.DtHost[i] ? ComputeCost.TransmissionDelayS(d, s.WiredBps[i], tBig) : 0f;
                float cpu = ComputeCost.ProcessingDelayS(d, s.CyclesPerBit[i], s.CpuHz[i], tBig);
                delay = upload + wired + cpu;
                if (delay > tBig) delay = tBig;
                failed = delay > s.DeadlineS[i] ? (byte)1 : (byte)0;
                if (failed == 0) s.DtLastSyncSlot[i] = s.Slot[e];
            }
            s.DelayS[i] = delay;
            s.Failed[i] = failed;

            // S11: energy of the radiated power for the (capped) transmit time.
            float energy = s.Transmitting[i] != 0
                ? ComputeCost.TransmitEnergyJ(s.TxPowerW[i], capEnergy && upload > slotS ? slotS : upload)
                : 0f;
            s.EnergyJ[i] = energy;

            // S12, S14: Ξ_k uses the frame snapshot Y[qT]; the queue itself moves every slot.
            xi += wE * energy + eta * s.VQueueFrame[i] * (failed - eps);
            float y = s.VQueue[i] + failed - eps;
            s.VQueue[i] = y > 0f ? y : 0f;

            // Masks: which action components had an effect this slot (spec §5).
            // A BS's wired share of MU k mattered only at its serving BS when the DT is elsewhere, its CPU
            // share only at the DT's host; every other BS mask entry is 0 (cleared before the loop).
            bool active = req && !blocked;
            s.MuMask[i] = active ? (byte)1 : (byte)0;
            s.CcMask[i] = 1;
            if (active)
            {
                int alpha = s.Assoc[i], host = s.DtHost[i];
                if (alpha != host) s.BsMask[s.WiredShare(e, alpha, k)] = 1;
                s.BsMask[s.CpuShare(e, host, k)] = 1;
            }
        }
        s.RewardGlobal[e] = -nu * xi;
    }

    /// <summary>w_E: 1/K (default), 1/(QKT) (eq. 19 as printed) or 1 (spec §12.5).</summary>
    public static float EnergyWeightOf(in DtSyncState s, int e)
    {
        int mode = (int)s.P(e, EnergyWeight);
        float k = s.P(e, DtSyncParameters.K);
        if (mode == EnergyWeightRaw) return 1f;
        if (mode == EnergyWeightPaperLiteral) return 1f / (k * s.P(e, FramesPerEpisode) * s.P(e, SlotsPerFrame));
        return 1f / k;
    }
}
