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

    /// <summary>G4: tries to admit device q (home cell i) with target b; commits on acceptance.</summary>
    public static int TryAdd(in RefinementViews v, in BaselineArgs a, int e, int q, int target)
    {
        int first = e * v.Slots;
        int home = q / v.UMax;
        int cellFirst = first + home * v.UMax;
        int own = first + q;
        float bandwidth = v.BandwidthHz[e], noise = v.NoisePsd[e];

        // The tentative cell: its members and q, S summed in ascending j.
        float cellRx = 0f;
        for (int j = 0; j < v.UMax; j++)
        {
            int d = cellFirst + j;
            if (d == own || a.Assigned[d] >= 0) cellRx += v.TxPowerW[d] * v.Gain[d];
        }
        for (int j = 0; j < v.UMax; j++)
        {
            int d = cellFirst + j;
            int t = d == own ? target : a.Assigned[d];
            if (t < 0) continue;
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
        for (int k = 0; k < v.N; k++) a.TentLoad[bsFirst + k] = 0f;
        for (int q2 = 0; q2 < v.Slots; q2++)
        {
            int d = first + q2;
            int t = d == own ? target : a.Assigned[d];
            if (t < 0) continue;
            a.TentLoad[bsFirst + t] += q2 / v.UMax == home ? a.TentDemand[d] : a.Demand[d];
        }
        for (int k = 0; k < v.N; k++)
            if (!(a.TentLoad[bsFirst + k] <= v.CpuHz[bsFirst + k])) return CpuReject;

        a.Assigned[own] = (sbyte)target;
        for (int j = 0; j < v.UMax; j++)
        {
            int d = cellFirst + j;
            if (a.Assigned[d] >= 0) a.Demand[d] = a.TentDemand[d];
        }
        for (int k = 0; k < v.N; k++) a.Load[bsFirst + k] = a.TentLoad[bsFirst + k];
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
    public static int TryPeers(in RefinementViews v, in BaselineArgs a, int e, int q, bool skipSaturated)
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
            result = TryAdd(v, a, e, q, best);
        }
        return result;
    }
}
