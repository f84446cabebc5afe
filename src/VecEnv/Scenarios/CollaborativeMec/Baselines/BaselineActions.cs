using GpuTwin.Kernels.Memory;
using GpuTwin.Kernels.Random;
using GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement;
using ILGPU;

namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec.Baselines;

/// <summary>The spec §9 baselines as kernels that write the proto-action â (padded slots all zero).</summary>
public static class BaselineActions
{
    /// <summary>B0 and B1, one thread per device slot.</summary>
    public static void SimpleBaselineKernel(Index1D d, RefinementViews v, BaselineArgs a)
    {
        int width = v.ProtoWidth, p0 = v.Proto(d);
        int e = d / v.Slots;
        int q = d - e * v.Slots;
        int home = q / v.UMax;
        bool active = v.DevActive[d] != 0;
        if (a.Heuristic == (int)MecHeuristic.Random)
        {
            var rng = new CounterRng(a.PolicySeed, e, a.EpisodeIndex[e], a.Slot[e]);
            int blocks = (width + 3) / 4;
            for (int c = 0; c < blocks; c++)
            {
                var u = rng.Uniforms(a.RandomStream, q * blocks + c);
                // 1 − u maps (0, 1] to [0, 1).
                Put(a.Proto, p0, 4 * c, width, active ? 1f - u.A : 0f);
                Put(a.Proto, p0, 4 * c + 1, width, active ? 1f - u.B : 0f);
                Put(a.Proto, p0, 4 * c + 2, width, active ? 1f - u.C : 0f);
                Put(a.Proto, p0, 4 * c + 3, width, active ? 1f - u.D : 0f);
            }
            return;
        }
        a.Proto.Clear(p0, width);
        if (!active) return;
        a.Proto[p0] = 1f;
        a.Proto[p0 + 1 + home] = 1f;
        a.Proto[p0 + width - 1] = 1f;
    }

    private static void Put(FieldView<float> proto, int p0, int k, int width, float value)
    {
        if (k < width) proto[p0 + k] = value;
    }

    /// <summary>B2–B4 (G1–G5), one thread per env: sequential admission in G2 order.</summary>
    public static void GreedyBaselineKernel(Index1D e, RefinementViews v, BaselineArgs a)
    {
        int first = e * v.Slots, width = v.ProtoWidth;
        for (int q = 0; q < v.Slots; q++)
        {
            int d = first + q;
            a.Assigned[d] = -1;
            a.Demand[d] = 0f;
            a.CpuRejected[d] = 0;
        }
        for (int k = 0; k < v.N; k++)
        {
            a.Load[v.Bs(e, k)] = 0f;
            a.Saturated[v.Bs(e, k)] = 0;
        }
        int n = GreedyEngine.SortCandidates(v, a, e);
        var kind = (MecHeuristic)a.Heuristic;
        int admitted = 0;
        for (int r = 0; r < n; r++)
        {
            int q = a.Order[first + r];
            int home = q / v.UMax;
            int result = GreedyEngine.TryAdd(v, a, e, q, home, admitted);
            if (result == GreedyEngine.CpuReject)
            {
                if (kind == MecHeuristic.Ggpo) result = GreedyEngine.TryPeers(v, a, e, q, admitted, false);
                else if (kind == MecHeuristic.Lpwpo)
                {
                    a.CpuRejected[first + q] = 1;
                    a.Saturated[v.Bs(e, home)] = 1;
                }
            }
            if (result == GreedyEngine.Accepted) admitted++;
        }
        if (kind == MecHeuristic.Lpwpo)
            for (int r = 0; r < n; r++)
            {
                int q = a.Order[first + r];
                if (a.CpuRejected[first + q] != 0 && GreedyEngine.TryPeers(v, a, e, q, admitted, true) == GreedyEngine.Accepted) admitted++;
            }

        // G5: x̂ = 1, ŷ = onehot(b), ŵ = 1 for admitted tasks; zeros otherwise.
        for (int q = 0; q < v.Slots; q++)
        {
            int d = first + q, p0 = v.Proto(d);
            a.Proto.Clear(p0, width);
            int t = a.Assigned[d];
            if (t < 0) continue;
            a.Proto[p0] = 1f;
            a.Proto[p0 + 1 + t] = 1f;
            a.Proto[p0 + width - 1] = 1f;
        }
    }
}
