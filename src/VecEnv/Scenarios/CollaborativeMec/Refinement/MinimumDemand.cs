using ILGPU;
using static GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement.RefinementRules;

namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement;

/// <summary>
/// D3 (eq. 18): with R1 from the D2 set, the minimum CPU demand l = z·v/(δ − z/R1 − d_c) (L_INF when the
/// slack is not positive) and the priority ϱ = g/l (0 when infeasible). RateBps holds R1 afterwards.
/// Needs <see cref="CellRxPower"/> over EnergyOk first.
/// </summary>
public static class MinimumDemand
{
    public static void MinimumDemandKernel(Index1D d, RefinementViews v)
    {
        if (v.EnergyOk[d] == 0)
        {
            v.RateBps[d] = 0f;
            v.DemandHz[d] = 0f;
            v.Priority[d] = 0f;
            return;
        }
        int e = d / v.Slots;
        int home = (d - e * v.Slots) / v.UMax;
        int target = v.Target[d];
        float r1 = CellRateBps(v.CellRxPowerW[d / v.UMax], v.TxPowerW[d] * v.Gain[d], v.BandwidthHz[e], v.NoisePsd[e]);
        float z = v.SizeBits[d];
        float upload = UploadDelayS(z, r1);
        float wired = WiredDelayS(z, v.WiredBps[v.Link(e, home, target)], home, target);
        float demand = MinDemandHz(z, v.CyclesPerBit[d], v.DeadlineS[d], upload, wired);
        v.RateBps[d] = r1;
        v.DemandHz[d] = demand;
        v.Priority[d] = PriorityOf(v.Award[d], demand);
    }
}
