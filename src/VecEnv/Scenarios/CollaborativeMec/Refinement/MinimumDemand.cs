using ILGPU;
using static GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement.RefinementRules;

namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement;

/// <summary>
/// D3 (eq. 18), one thread per (env, cell): R1 from the cell's D2 set, then the minimum CPU demand
/// l = z·v/(δ − z/R1 − d_c) (L_INF when the slack is not positive) and the priority ϱ = g/l (0 when
/// infeasible). RateBps holds R1 afterwards.
/// </summary>
public static class MinimumDemand
{
    public static void MinimumDemandKernel(Index1D cell, RefinementViews v)
    {
        int e = cell / v.N, home = cell - e * v.N;
        float s1 = CellRxPower.Sum(v, cell, v.EnergyOk);
        v.CellRxPowerW[cell] = s1;
        for (int j = 0; j < v.UMax; j++)
        {
            int d = cell * v.UMax + j;
            if (v.EnergyOk[d] == 0)
            {
                v.RateBps[d] = 0f;
                continue;
            }
            int target = v.Target[d];
            float r1 = CellRxPower.Rate(v, d, e, s1);
            float z = v.SizeBits[d];
            float upload = UploadDelayS(z, r1);
            float wired = WiredDelayS(z, v.WiredBps[v.Link(e, home, target)], home, target);
            float demand = MinDemandHz(z, v.CyclesPerBit[d], v.DeadlineS[d], upload, wired);
            v.RateBps[d] = r1;
            v.DemandHz[d] = demand;
            v.Priority[d] = PriorityOf(v.Award[d], demand);
        }
    }
}
