using GpuTwin.Kernels.Memory;
using ILGPU;
using static GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement.RefinementRules;

namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement;

/// <summary>
/// D1 (eq. 15, C1–C3): the nearest valid discrete action, in closed form and separable per task. With every
/// component in [0, 1], the L2 (or L1) distance to "discard" minus the distance to "offload to b" is
/// 2(x̂ + ŷ_b − 1), so the task goes to b* = argmax of the allowed ŷ_b (ties to the lowest b) iff x̂ + ŷ_b* &gt; 1.
/// ŵ is carried. Also clears every later stage's output of the slot.
/// </summary>
public static class NearestAction
{
    /// <summary>One thread per (env, cell): D1 for each of the cell's device slots.</summary>
    public static void NearestActionKernel(Index1D cell, RefinementViews v, FieldView<float> proto)
    {
        int e = cell / v.N, home = cell - e * v.N;
        for (int j = 0; j < v.UMax; j++) Decide(v, proto, cell * v.UMax + j, e, home);
    }

    /// <summary>D1 for device slot d of env e, home BS <paramref name="home"/>.</summary>
    public static void Decide(in RefinementViews v, FieldView<float> proto, int d, int e, int home)
    {
        int p0 = v.Proto(d);
        byte offload = 0;
        sbyte target = -1;
        if (v.DevActive[d] != 0)
        {
            int best = -1;
            float bestScore = -1f; // below every clamped score: masked BSs count as −∞
            for (int b = 0; b < v.N; b++)
            {
                if (!v.Allowed(e, home, b)) continue;
                float score = Clamp01(proto[p0 + 1 + b]);
                if (score > bestScore)
                {
                    bestScore = score;
                    best = b;
                }
            }
            // Strict: x̂ + ŷ = 1 is equidistant and goes to "discard" (§12 item 9).
            if (best >= 0 && Clamp01(proto[p0]) + bestScore > 1f)
            {
                offload = 1;
                target = (sbyte)best;
            }
        }
        v.NnOffload[d] = offload;
        v.Target[d] = target;
        v.EnergyOk[d] = 0;
        v.DemandHz[d] = 0f;
        v.Priority[d] = 0f;
        v.Offload[d] = 0;
        v.AllocHz[d] = 0f;
        v.RateBps[d] = 0f;
    }
}
