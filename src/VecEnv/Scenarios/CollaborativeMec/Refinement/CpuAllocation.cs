using GpuTwin.Kernels.Memory;
using GpuTwin.Kernels.Numerics;
using ILGPU;
using static GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement.RefinementRules;

namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement;

/// <summary>
/// D5 (CPU allocation). DemandBased: L_b = Σ l and W_b = Σ w over the tasks kept at b (ascending q, one thread
/// per (env, b)), then f = l + max(F_b − L_b, 0)·w/W_b with w = clamp(ŵ, 1e−6, 1): every kept task gets at
/// least its demand. ActorLiteral: f = ŵ·F_b. Dropped tasks get Target = −1 and f = 0, so Target is final.
/// </summary>
public static class CpuAllocation
{
    public static void BsTotalsKernel(Index1D bs, RefinementViews v, FieldView<float> proto)
    {
        int e = bs / v.N;
        int target = bs - e * v.N;
        int first = e * v.Slots;
        float demand = 0f, weight = 0f;
        for (int q = 0; q < v.Slots; q++)
        {
            int d = first + q;
            if (v.Offload[d] == 0 || v.Target[d] != target) continue;
            demand += v.DemandHz[d];
            weight += CpuWeight(proto[v.Proto(d) + v.N + 1]);
        }
        v.BsDemandHz[bs] = demand;
        v.BsWeight[bs] = weight;
    }

    /// <summary>One thread per (env, cell): f and the final Target of each of the cell's device slots.</summary>
    public static void AllocationKernel(Index1D cell, RefinementViews v, FieldView<float> proto)
    {
        int e = cell / v.N;
        for (int j = 0; j < v.UMax; j++) Allocate(v, proto, cell * v.UMax + j, e);
    }

    public static void Allocate(in RefinementViews v, FieldView<float> proto, int d, int e)
    {
        if (v.Offload[d] == 0)
        {
            v.Target[d] = -1;
            v.AllocHz[d] = 0f;
            return;
        }
        int bs = v.Bs(e, v.Target[d]);
        float cpuHz = v.CpuHz[bs];
        float protoWeight = proto[v.Proto(d) + v.N + 1];
        if (v.CpuMode[e] == (int)CpuMode.ActorLiteral)
        {
            v.AllocHz[d] = Clamp01(protoWeight) * cpuHz;
            return;
        }
        float spare = FMath.Max(cpuHz - v.BsDemandHz[bs], 0f);
        // W_b ≥ w ≥ 1e−6 because this task is kept at b.
        v.AllocHz[d] = v.DemandHz[d] + spare * CpuWeight(protoWeight) / v.BsWeight[bs];
    }
}
