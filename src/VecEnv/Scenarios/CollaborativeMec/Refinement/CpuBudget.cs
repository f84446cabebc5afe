using GpuTwin.Kernels.Memory;
using ILGPU;
using static GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement.RefinementRules;

namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement;

/// <summary>
/// D4 (eq. 10, Algorithm 1 lines 3–8): the CPU budget of every processing BS b. Υ_b = {x'' = 1, Target = b},
/// ordered by (ϱ descending, flat index ascending).
/// <para>Prefix rule (the paper's while-loop, default): keep q iff P_q = Σ_{q' ∈ Υ_b, key(q') ≤ key(q)} term_q' ≤ F_b.
/// Each task scans its env's N·U_max slots (no sort; one thread per (env, cell) runs its cell's tasks), adding the
/// terms in ascending q'. Partial sums of non-negative floats in a fixed order are monotone, so the kept set is a
/// prefix even in float32.</para>
/// <para>The term is l (DemandBased) or ŵ·F_b (ActorLiteral). The BSs are independent because l is fixed from D3.</para>
/// </summary>
public static class CpuBudget
{
    /// <summary>What a task of Υ_b puts on the budget: its demand l, or its literal share ŵ·F_b.</summary>
    public static float Term(in RefinementViews v, FieldView<float> proto, int d, float cpuHz, int mode) =>
        mode == (int)CpuMode.ActorLiteral ? Clamp01(proto[v.Proto(d) + v.N + 1]) * cpuHz : v.DemandHz[d];

    /// <summary>One thread per (env, cell): the prefix rule for each of the cell's device slots.</summary>
    public static void CpuBudgetKernel(Index1D cell, RefinementViews v, FieldView<float> proto)
    {
        int e = cell / v.N;
        bool prefixRule = v.CpuDropRule[e] != (int)CpuDropRule.GreedyFill;
        for (int j = 0; j < v.UMax; j++)
        {
            int d = cell * v.UMax + j;
            v.Offload[d] = prefixRule && v.EnergyOk[d] != 0 && Fits(v, proto, d, e) ? (byte)1 : (byte)0;
        }
    }

    /// <summary>P_q ≤ F_b for device slot d (x'' = 1) of env e: its O(N·U_max) prefix sum, terms in ascending q'.</summary>
    public static bool Fits(in RefinementViews v, FieldView<float> proto, int d, int e)
    {
        int first = e * v.Slots;
        int q = d - first;
        int target = v.Target[d];
        int mode = v.CpuMode[e];
        float cpuHz = v.CpuHz[v.Bs(e, target)];
        float own = v.Priority[d];
        float prefix = 0f;
        for (int q2 = 0; q2 < v.Slots; q2++)
        {
            int d2 = first + q2;
            if (v.EnergyOk[d2] != 0 && v.Target[d2] == target && NotAfter(v.Priority[d2], q2, own, q))
                prefix += Term(v, proto, d2, cpuHz, mode);
        }
        return prefix <= cpuHz;
    }

    /// <summary>
    /// Option <see cref="CpuDropRule.GreedyFill"/> (spec §13 item 7), one thread per (env, b): walk Υ_b in key
    /// order and keep each task whose term still fits, skipping those that do not. O(|Υ_b|²) selection, no sort.
    /// </summary>
    public static void GreedyFillKernel(Index1D bs, RefinementViews v, FieldView<float> proto)
    {
        int e = bs / v.N;
        if (v.CpuDropRule[e] != (int)CpuDropRule.GreedyFill) return;
        int target = bs - e * v.N;
        int mode = v.CpuMode[e];
        float cpuHz = v.CpuHz[bs];
        int first = e * v.Slots;
        float load = 0f;
        float lastPriority = 0f;
        int last = -1;
        for (int rank = 0; rank < v.Slots; rank++)
        {
            int next = -1;
            float nextPriority = 0f;
            for (int q2 = 0; q2 < v.Slots; q2++)
            {
                int d2 = first + q2;
                if (v.EnergyOk[d2] == 0 || v.Target[d2] != target) continue;
                float p2 = v.Priority[d2];
                if (last >= 0 && NotAfter(p2, q2, lastPriority, last)) continue; // already walked
                if (next < 0 || NotAfter(p2, q2, nextPriority, next))
                {
                    next = q2;
                    nextPriority = p2;
                }
            }
            if (next < 0) break;
            float term = Term(v, proto, first + next, cpuHz, mode);
            if (load + term <= cpuHz)
            {
                load += term;
                v.Offload[first + next] = 1;
            }
            last = next;
            lastPriority = nextPriority;
        }
    }
}
