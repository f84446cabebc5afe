using GpuTwin.Kernels.Compute;
using ILGPU;
using static GpuTwin.VecEnv.Scenarios.DtSyncMigration.DtSyncParameters;

namespace GpuTwin.VecEnv.Scenarios.DtSyncMigration.Kernels;

/// <summary>
/// The control center's per-slot reward (eqs. 26–27, spec §5): r_c = −ν/K·Σ_k r_{c,k}, the processing plus
/// forwarding time the current requests would take if their DTs sat at the proposal β̃, with the
/// counterfactual resources f̃, w̃ built from this slot's BS shares over the hypothetical sets; capped at t_cap.
/// </summary>
public static class ControlCenterReward
{
    public static void ControlCenterRewardKernel(Index1D e, DtSyncState s)
    {
        int kCount = s.Mus(e);
        float tBig = s.P(e, TBigS), tCap = s.P(e, TCapS);
        float fMax = s.P(e, FmaxHz), wCap = s.P(e, WiredBps);
        bool scaleIfExceeds = (int)s.P(e, ShareMapping) == ShareScaleIfExceeds;
        float total = 0f;
        for (int k = 0; k < kCount; k++)
        {
            int i = s.Mu(e, k);
            if (s.Requested[i] == 0) continue;
            int a = s.Assoc[i], b = s.DtProposal[i];
            float d = s.DataBits[i];
            float f = ResourceShares.Portion(fMax, ResourceShares.CpuShareOf(s, e, b, k), s.CfCpuShareSum[s.Bs(e, b)], scaleIfExceeds);
            float t = ComputeCost.ProcessingDelayS(d, s.CyclesPerBit[i], f, tBig);
            if (a != b)
            {
                float w = ResourceShares.Portion(wCap, ResourceShares.WiredShareOf(s, e, a, k), s.CfWiredShareSum[s.Link(e, a, b)], scaleIfExceeds);
                t += ComputeCost.TransmissionDelayS(d, w, tBig);
            }
            total += t < tCap ? t : tCap;
        }
        s.RewardCenter[e] = -s.P(e, Nu) * total / s.P(e, K);
    }
}
