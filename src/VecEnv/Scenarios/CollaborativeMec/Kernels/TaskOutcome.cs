using GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement;
using ILGPU;
using static GpuTwin.VecEnv.Scenarios.CollaborativeMec.CollabMecParameters;
using R = GpuTwin.VecEnv.Scenarios.CollaborativeMec.CollabMecRules;

namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec.Kernels;

/// <summary>
/// S4–S6 per task, after Algorithm 1 has written the final rates R2: d = d_w + d_c + d_m with d_w = z/R2,
/// d_c = z/C_{i,b} (0 at home; with WiredSharing = Equal, C is split among the tasks on the ordered link i → b),
/// d_m = z·v/f; Completed = x ∧ d ≤ δ(1 + 1e−5); the upload energy x·p·d_w. Not-offloaded tasks get d = 0 and no energy.
/// </summary>
public static class TaskOutcome
{
    /// <summary>One thread per device slot.</summary>
    public static void TaskOutcomeKernel(Index1D d, CollabMecState s)
    {
        if (s.Offload[d] == 0)
        {
            s.DelayS[d] = 0f;
            s.Completed[d] = 0;
            s.UploadEnergyJ[d] = 0f;
            return;
        }
        int e = d / s.DevicesPerEnv, i = (d - e * s.DevicesPerEnv) / s.UMax;
        int b = s.Target[d];
        float z = s.SizeBits[d];
        float upload = RefinementRules.UploadDelayS(z, s.RateBps[d]);
        float c = b == i ? 0f : s.WiredBps[s.Link(e, i, b)];
        if (b != i && s.P(e, WiredSharing) == WiredSharingEqual) c /= TasksOnLink(s, e, i, b);
        float wired = RefinementRules.WiredDelayS(z, c, i, b);
        float compute = R.ComputeDelayS(z, s.CyclesPerBit[d], s.AllocHz[d]);
        float delay = upload + wired + compute;
        s.DelayS[d] = delay < RefinementRules.DelayBigS ? delay : RefinementRules.DelayBigS;
        s.Completed[d] = R.MeetsDeadline(delay, s.DeadlineS[d]) ? (byte)1 : (byte)0;
        s.UploadEnergyJ[d] = RefinementRules.UploadEnergyJ(s.TxPowerW[d], z, s.RateBps[d]);
    }

    /// <summary>Kept tasks of cell i processed at b ≠ i (≥ 1: the caller is one of them).</summary>
    private static float TasksOnLink(in CollabMecState s, int e, int i, int b)
    {
        float n = 0f;
        for (int j = 0; j < s.UMax; j++)
        {
            int d = s.Dev(e, i, j);
            if (s.Offload[d] != 0 && s.Target[d] == b) n += 1f;
        }
        return n;
    }
}
