using ILGPU;
using static GpuTwin.VecEnv.Scenarios.DtSyncMigration.DtSyncParameters;

namespace GpuTwin.VecEnv.Scenarios.DtSyncMigration.Kernels;

/// <summary>
/// S8: the BS share actions become CPU rates f_k and wired rates w_k (spec §5). Proportional mapping:
/// f_k = f_max·x_k / Σ_{S^f_m} x over the MUs whose DT is served at m; w_k = w_ij·x_k / Σ_{S^w_ij} x over the
/// requests forwarded from BS i to host j. Both sums equal the capacity, never more.
/// The counterfactual sums for the control-center reward (hypothetical hosts β̃) are built alongside.
/// </summary>
public static class ResourceShares
{
    public static void AllocateSharesKernel(Index1D e, DtSyncState s)
    {
        int kCount = s.Mus(e), mCount = s.Bss(e);
        for (int m = 0; m < mCount; m++)
        {
            s.CpuShareSum[s.Bs(e, m)] = 0f;
            s.CfCpuShareSum[s.Bs(e, m)] = 0f;
            for (int j = 0; j < mCount; j++)
            {
                s.WiredShareSum[s.Link(e, m, j)] = 0f;
                s.CfWiredShareSum[s.Link(e, m, j)] = 0f;
            }
        }

        for (int k = 0; k < kCount; k++)
        {
            int i = s.Mu(e, k);
            if (s.Requested[i] == 0) continue;
            int a = s.Assoc[i], b = s.DtHost[i], bCf = s.DtProposal[i];
            if (s.Blocked[i] == 0)
            {
                s.CpuShareSum[s.Bs(e, b)] += CpuShareOf(s, e, b, k);
                if (a != b) s.WiredShareSum[s.Link(e, a, b)] += WiredShareOf(s, e, a, k);
            }
            s.CfCpuShareSum[s.Bs(e, bCf)] += CpuShareOf(s, e, bCf, k);
            if (a != bCf) s.CfWiredShareSum[s.Link(e, a, bCf)] += WiredShareOf(s, e, a, k);
        }

        bool scaleIfExceeds = (int)s.P(e, ShareMapping) == ShareScaleIfExceeds;
        float fMax = s.P(e, FmaxHz), wCap = s.P(e, WiredBps);
        for (int k = 0; k < kCount; k++)
        {
            int i = s.Mu(e, k);
            bool served = s.Requested[i] != 0 && s.Blocked[i] == 0;
            int a = s.Assoc[i], b = s.DtHost[i];
            s.CpuHz[i] = served ? Portion(fMax, CpuShareOf(s, e, b, k), s.CpuShareSum[s.Bs(e, b)], scaleIfExceeds) : 0f;
            s.WiredBps[i] = served && a != b ? Portion(wCap, WiredShareOf(s, e, a, k), s.WiredShareSum[s.Link(e, a, b)], scaleIfExceeds) : 0f;
        }
    }

    /// <summary>x^f_{m,k}, clamped to [1e-6, 1].</summary>
    public static float CpuShareOf(in DtSyncState s, int e, int m, int k) => DtSyncRules.ClampShare(s.BsShareAction[s.CpuShare(e, m, k)]);

    /// <summary>x^w_{m,k}, clamped to [1e-6, 1].</summary>
    public static float WiredShareOf(in DtSyncState s, int e, int m, int k) => DtSyncRules.ClampShare(s.BsShareAction[s.WiredShare(e, m, k)]);

    /// <summary>capacity·x/Σx (proportional) or capacity·x·min(1, 1/Σx) (scale-if-exceeds).</summary>
    public static float Portion(float capacity, float share, float sum, bool scaleIfExceeds)
    {
        if (sum <= 0f) return 0f;
        if (scaleIfExceeds) return capacity * share * (sum > 1f ? 1f / sum : 1f);
        return capacity * (share / sum);
    }
}
