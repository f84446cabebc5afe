using ILGPU;
using static GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement.RefinementRules;

namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement;

/// <summary>The slot's decoder counters of one env (see <see cref="RefinementCounters"/>), one thread per env.</summary>
public static class DecoderCounts
{
    public static void DecoderCountsKernel(Index1D e, RefinementViews v)
    {
        int first = e * v.Slots;
        int nn = 0, energy = 0, cpu = 0, infeasible = 0;
        for (int q = 0; q < v.Slots; q++)
        {
            int d = first + q;
            if (v.NnOffload[d] == 0) continue;
            nn++;
            if (v.EnergyOk[d] == 0) { energy++; continue; }
            if (v.DemandHz[d] >= DemandInfHz) infeasible++;
            else if (v.Offload[d] == 0) cpu++;
        }
        int c = e * RefinementCounters.Count;
        v.Counters[c + RefinementCounters.NnOffloads] = nn;
        v.Counters[c + RefinementCounters.EnergyDrops] = energy;
        v.Counters[c + RefinementCounters.CpuDrops] = cpu;
        v.Counters[c + RefinementCounters.InfeasibleDrops] = infeasible;
    }
}
