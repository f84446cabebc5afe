using GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement;
using ILGPU;
using static GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement.RefinementRules;

namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec.Baselines;

/// <summary>
/// The greedy admission engine G1–G5 of spec §9, per env. G4 uses exactly the decoder's expressions
/// (<see cref="RefinementRules"/>: S in ascending q, the same rate, p·z/R ≤ Q^E, slack and l as in D3, and
/// Load'_k as a fresh sum in ascending q), so every admitted set passes D1–D4 unchanged (I7).
/// </summary>
public static class GreedyEngine
{
    public const int Accepted = 0;
    public const int RadioReject = 1;
    public const int CpuReject = 2;

    /// <summary>Load_b/F_b for the helper order; F_b = 0 orders as +∞ (1e30).</summary>
    public const float UnusableRatio = 1e30f;

    /// <summary>
    /// G1 and G2: ϱ⁰ = g·(δ − z/ν⁰)/(z·v) of a candidate (active, ν⁰ &gt; R_MIN, p·z/ν⁰ ≤ Q^E, δ − z/ν⁰ &gt; 0),
    /// or −1 for a device that is not one.
    /// </summary>
    public static float StaticPriority(in RefinementViews v, int e, int home, int d)
    {
        if (v.DevActive[d] == 0 || !v.Allowed(e, home, home)) return -1f;
        float rate0 = InterferenceFreeRateBps(v.TxPowerW[d], v.Gain[d], v.BandwidthHz[e], v.NoisePsd[e]);
        if (!(rate0 > RateMinBps)) return -1f;
        float z = v.SizeBits[d];
        if (!(UploadEnergyJ(v.TxPowerW[d], z, rate0) <= v.BatteryJ[d])) return -1f;
        float slack = v.DeadlineS[d] - z / rate0;
        if (!(slack > 0f)) return -1f;
        return v.Award[d] * slack / (z * v.CyclesPerBit[d]);
    }

    /// <summary>Fills Order with the env's candidates by (ϱ⁰ descending, q ascending); returns their number.</summary>
    public static int SortCandidates(in RefinementViews v, in BaselineArgs a, int e)
    {
        int first = e * v.Slots, n = 0;
        for (int q = 0; q < v.Slots; q++)
        {
            int d = first + q;
            float priority = StaticPriority(v, e, q / v.UMax, d);
            a.StaticPriority[d] = priority;
            if (priority < 0f) continue;
            int p = n; // insertion sort: q ascends, so equal ϱ⁰ keeps index order
            while (p > 0 && a.StaticPriority[first + a.Order[first + p - 1]] < priority)
            {
                a.Order[first + p] = a.Order[first + p - 1];
                p--;
            }
            a.Order[first + p] = q;
            n++;
        }
        return n;
    }

    /// <summary>Position of q in the env's admitted list (ascending flat index): the number of entries below q.</summary>
    public static int InsertionIndex(in BaselineArgs a, int first, int count, int q)
    {
        int p = 0;
        while (p < count && a.Admitted[first + p] < q) p++;
        return p;
    }

    /// <summary>Entry k of the admitted list with q inserted at position p (so k runs over count + 1 entries).</summary>
    private static int Merged(in BaselineArgs a, int first, int k, int p, int q) =>
        k < p ? a.Admitted[first + k] : (k == p ? q : a.Admitted[first + k - 1]);

    /// <summary>
    /// G4: tries to admit device q (home cell i) with target b, given the <paramref name="count"/> tasks admitted
    /// so far; commits on acceptance (the caller then counts one more). Walks the admitted list, not all slots,
    /// in ascending q, so S and Load' are summed in the decoder's order.
    /// </summary>
    public static int TryAdd(in RefinementViews v, in BaselineArgs a, int e, int q, int target, int count)
    {
        int first = e * v.Slots;
        int home = q / v.UMax;
        int p = InsertionIndex(a, first, count, q);
        float bandwidth = v.BandwidthHz[e], noise = v.NoisePsd[e];

        // The tentative cell: its members and q, S summed in ascending j.
        float cellRx = 0f;
        for (int k = 0; k <= count; k++)
        {
            int m = Merged(a, first, k, p, q);
            if (m / v.UMax != home) continue;
            int d = first + m;
            cellRx += v.TxPowerW[d] * v.Gain[d];
        }
        for (int k = 0; k <= count; k++)
        {
            int m = Merged(a, first, k, p, q);
            if (m / v.UMax != home) continue;
            int d = first + m;
            int t = m == q ? target : a.Assigned[d];
            float rate = CellRateBps(cellRx, v.TxPowerW[d] * v.Gain[d], bandwidth, noise);
            float z = v.SizeBits[d];
            if (!(UploadEnergyJ(v.TxPowerW[d], z, rate) <= v.BatteryJ[d])) return RadioReject;
            float upload = UploadDelayS(z, rate);
            float wired = WiredDelayS(z, v.WiredBps[v.Link(e, home, t)], home, t);
            float demand = MinDemandHz(z, v.CyclesPerBit[d], v.DeadlineS[d], upload, wired);
            if (!(demand < DemandInfHz)) return RadioReject;
            a.TentDemand[d] = demand;
        }

        // Load'_k as fresh sums over every admitted task in ascending q (the order D4 sums in).
        int bsFirst = v.Bs(e, 0);
        a.TentLoad.Clear(bsFirst, v.N);
        for (int k = 0; k <= count; k++)
        {
            int m = Merged(a, first, k, p, q);
            int d = first + m;
            int t = m == q ? target : a.Assigned[d];
            a.TentLoad[bsFirst + t] += m / v.UMax == home ? a.TentDemand[d] : a.Demand[d];
        }
        for (int b = 0; b < v.N; b++)
            if (!(a.TentLoad[bsFirst + b] <= v.CpuHz[bsFirst + b])) return CpuReject;

        for (int k = count; k > p; k--) a.Admitted[first + k] = a.Admitted[first + k - 1];
        a.Admitted[first + p] = q;
        a.Assigned[first + q] = (sbyte)target;
        for (int k = 0; k <= count; k++)
        {
            int m = a.Admitted[first + k];
            if (m / v.UMax == home) a.Demand[first + m] = a.TentDemand[first + m];
        }
        for (int b = 0; b < v.N; b++) a.Load[bsFirst + b] = a.TentLoad[bsFirst + b];
        return Accepted;
    }

    /// <summary>Load_b/F_b now (the helper order key).</summary>
    public static float LoadRatio(in RefinementViews v, in BaselineArgs a, int bs)
    {
        float cpu = v.CpuHz[bs];
        return cpu > 0f ? a.Load[bs] / cpu : UnusableRatio;
    }

    /// <summary>
    /// Tries the peers of q's home cell (connected and active; not saturated when <paramref name="skipSaturated"/>)
    /// in Load_b/F_b ascending order, ties to the lower index, until one accepts or the radio rejects.
    /// </summary>
    public static int TryPeers(in RefinementViews v, in BaselineArgs a, int e, int q, int count, bool skipSaturated)
    {
        int home = q / v.UMax;
        int tried = 1 << home;
        int result = CpuReject;
        while (result == CpuReject)
        {
            int best = -1;
            float bestRatio = 0f;
            for (int k = 0; k < v.N; k++)
            {
                if ((tried & (1 << k)) != 0 || !v.Allowed(e, home, k)) continue;
                if (skipSaturated && a.Saturated[v.Bs(e, k)] != 0) continue;
                float ratio = LoadRatio(v, a, v.Bs(e, k));
                if (best < 0 || ratio < bestRatio)
                {
                    best = k;
                    bestRatio = ratio;
                }
            }
            if (best < 0) break;
            tried |= 1 << best;
            result = TryAdd(v, a, e, q, best, count);
        }
        return result;
    }
}
