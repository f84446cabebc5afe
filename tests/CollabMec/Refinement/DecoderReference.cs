using CpuModes = GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement.CpuMode;
using DropRules = GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement.CpuDropRule;
using GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement;

namespace GpuTwin.Tests.CollabMec.Refinement;

/// <summary>
/// An independent double-precision reading of spec §6 S3 (brute-force D1, rates by direct interference sums,
/// D4 by sorting) and the invariants I1–I6, used to check the decoder's output.
/// </summary>
public static class DecoderReference
{
    /// <summary>Relative margin inside which float32 and double may decide a comparison differently.</summary>
    public const double Margin = 1e-5;
    /// <summary>I4's tolerance (spec: the float32 f = l + spare·w/W summed in double may exceed F by ~1e−6 relative).</summary>
    public const double CpuTolerance = 1e-5;

    public static double Clamp01(float x) => x >= 0f ? (x <= 1f ? x : 1.0) : 0.0;

    /// <summary>
    /// D1 by brute force: the L2 (or L1) nearest of "discard" and "offload to b" for every allowed b, over the
    /// clamped discrete components; ties go to discard, then to the lower b. Returns the BS or −1.
    /// </summary>
    public static int NearestTarget(MecCase c, float[] proto, int d, bool l1)
    {
        if (c.DevActive[d] == 0) return -1;
        int e = d / c.Slots, home = d % c.Slots / c.U, p0 = d * c.ProtoWidth;
        double x = Clamp01(proto[p0]);
        var y = Enumerable.Range(0, c.N).Select(b => Clamp01(proto[p0 + 1 + b])).ToArray();
        double Dist(double xv, int target)
        {
            double s = l1 ? Math.Abs(x - xv) : (x - xv) * (x - xv);
            for (int b = 0; b < c.N; b++)
            {
                double yv = b == target ? 1.0 : 0.0;
                s += l1 ? Math.Abs(y[b] - yv) : (y[b] - yv) * (y[b] - yv);
            }
            return s;
        }
        int best = -1;
        double bestDist = Dist(0.0, -1);
        for (int b = 0; b < c.N; b++)
        {
            if (!c.Allowed(e, home, b)) continue;
            double dist = Dist(1.0, b);
            // Equal distances summed in another order may differ by an ulp: those count as ties.
            if (dist < bestDist - 1e-12) { bestDist = dist; best = b; }
        }
        return best;
    }

    /// <summary>The highest allowed ŷ_b (lowest b on ties): D1's target before the x̂ test.</summary>
    public static int BestAllowed(MecCase c, float[] proto, int d)
    {
        int e = d / c.Slots, home = d % c.Slots / c.U, p0 = d * c.ProtoWidth;
        int best = -1;
        double bestY = -1;
        for (int b = 0; b < c.N; b++)
            if (c.Allowed(e, home, b) && Clamp01(proto[p0 + 1 + b]) > bestY) { bestY = Clamp01(proto[p0 + 1 + b]); best = b; }
        return best;
    }

    /// <summary>R = B·log2(1 + p·h/(B·N0 + Σ_{k≠j, in set} p_k·h_k)) in double, the interference summed directly.</summary>
    public static double Rate(MecCase c, Func<int, bool> transmitting, int d)
    {
        int e = d / c.Slots, cellFirst = d / c.U * c.U;
        double own = (double)c.TxPowerW[d] * c.Gain[d], interference = 0;
        for (int j = 0; j < c.U; j++)
        {
            int k = cellFirst + j;
            if (k != d && transmitting(k)) interference += (double)c.TxPowerW[k] * c.Gain[k];
        }
        double noise = (double)c.BandwidthHz[e] * c.NoisePsd[e];
        return c.BandwidthHz[e] * Math.Log2(1 + own / (noise + interference));
    }

    public static double WiredDelay(MecCase c, int d, int target)
    {
        int e = d / c.Slots, home = d % c.Slots / c.U;
        return target == home ? 0 : c.SizeBits[d] / (double)c.WiredBps[c.Link(e, home, target)];
    }

    private static bool Near(double a, double b) => Math.Abs(a - b) <= Margin * Math.Max(Math.Abs(a), Math.Abs(b));

    /// <summary>Checks I1–I6, the stage values D2–D4 against this reference, sentinels and the counters.</summary>
    public static void AssertInvariants(MecCase c, float[] proto, DecodeResult r)
    {
        foreach (var (name, values) in new[] { ("DemandHz", r.DemandHz), ("Priority", r.Priority), ("AllocHz", r.AllocHz), ("RateBps", r.RateBps), ("CellRxPowerW", r.CellRxPowerW), ("BsDemandHz", r.BsDemandHz), ("BsWeight", r.BsWeight) })
            for (int k = 0; k < values.Length; k++)
                Assert.True(float.IsFinite(values[k]) && values[k] >= 0f, $"{name}[{k}] = {values[k]}");

        for (int e = 0; e < c.E; e++)
        {
            var mode = (CpuModes)c.CpuMode[e];
            int first = e * c.Slots;
            var cpuSum = new double[c.N];
            int nn = 0, energyDrops = 0, removed = 0;
            var bStar = new int[c.Slots];
            for (int q = 0; q < c.Slots; q++)
            {
                int d = first + q, home = q / c.U;
                bStar[q] = BestAllowed(c, proto, d);
                string at = $"env {e} slot {q}";
                // I1, I6
                Assert.True(r.Offload[d] <= r.EnergyOk[d] && r.EnergyOk[d] <= r.NnOffload[d] && r.NnOffload[d] <= c.DevActive[d], $"I1/I6 at {at}");
                Assert.Equal(r.Offload[d] == 1, r.Target[d] >= 0);
                nn += r.NnOffload[d];
                energyDrops += r.NnOffload[d] - r.EnergyOk[d];
                removed += r.EnergyOk[d] - r.Offload[d];

                // D2 against R0 of the D1 set.
                if (r.NnOffload[d] == 1)
                {
                    double r0 = Rate(c, k => r.NnOffload[k] == 1, d);
                    double e0 = r0 <= 1e-3 ? 1e30 : c.TxPowerW[d] * (double)c.SizeBits[d] / r0;
                    if (!Near(e0, c.BatteryJ[d]))
                        Assert.True((e0 <= c.BatteryJ[d]) == (r.EnergyOk[d] == 1), $"D2 at {at}: E0 = {e0}, Q = {c.BatteryJ[d]}");
                }
                // D3 against R1 of the D2 set.
                if (r.EnergyOk[d] == 1)
                {
                    double r1 = Rate(c, k => r.EnergyOk[k] == 1, d);
                    double slack = c.DeadlineS[d] - c.SizeBits[d] / r1 - WiredDelay(c, d, bStar[q]);
                    double l = c.SizeBits[d] * (double)c.CyclesPerBit[d] / slack;
                    if (slack > 1e-2 * c.DeadlineS[d] && l < 1e29) // float slack carries ~1e−7·δ absolute error
                        Assert.True(Math.Abs(r.DemandHz[d] - l) <= 1e-4 * l, $"D3 at {at}: l = {r.DemandHz[d]}, reference {l}");
                    else if (slack < -Margin * c.DeadlineS[d])
                        Assert.Equal(1e30f, r.DemandHz[d]);
                    float expected = r.DemandHz[d] >= 1e30f ? 0f : c.Award[d] / r.DemandHz[d];
                    Assert.Equal(expected, r.Priority[d]);
                }
                if (r.Offload[d] == 0)
                {
                    Assert.Equal(0f, r.AllocHz[d]);
                    Assert.Equal(0f, r.RateBps[d]);
                    continue;
                }
                int b = r.Target[d];
                Assert.Equal(bStar[q], b);
                // I2
                Assert.True(c.Allowed(e, home, b), $"I2 at {at}: target {b}");
                // I3, exactly in float (R2 ≥ R0 in float, so the D2 test carries over), and R2 against the reference.
                float rate = r.RateBps[d];
                Assert.True(rate > 1e-3f && c.TxPowerW[d] * c.SizeBits[d] / rate <= c.BatteryJ[d], $"I3 at {at}");
                double r2 = Rate(c, k => r.Offload[k] == 1, d);
                Assert.True(Math.Abs(rate - r2) <= 1e-5 * r2, $"R2 at {at}: {rate} vs {r2}");
                // I4 (per task)
                float cpu = c.CpuHz[c.Bs(e, b)];
                Assert.True(r.AllocHz[d] <= cpu * (1 + CpuTolerance), $"C4 at {at}");
                cpuSum[b] += r.AllocHz[d];
                if (mode == CpuModes.DemandBased)
                {
                    // I5: the kept task completes (eqs. 4, 8, 9 in float as S5 computes them).
                    Assert.True(r.AllocHz[d] >= r.DemandHz[d], $"f < l at {at}");
                    float delay = c.SizeBits[d] / rate + (b == home ? 0f : c.SizeBits[d] / c.WiredBps[c.Link(e, home, b)]) + c.SizeBits[d] * c.CyclesPerBit[d] / r.AllocHz[d];
                    Assert.True(delay <= c.DeadlineS[d] * (1 + 1e-5f), $"I5 at {at}: d = {delay}, δ = {c.DeadlineS[d]}");
                }
            }
            for (int b = 0; b < c.N; b++)
                Assert.True(cpuSum[b] <= c.CpuHz[c.Bs(e, b)] * (1 + CpuTolerance), $"I4 env {e} BS {b}: Σf = {cpuSum[b]}, F = {c.CpuHz[c.Bs(e, b)]}");

            AssertCpuRule(c, proto, r, e, bStar);

            Assert.Equal(nn, r.Counter(e, RefinementCounters.NnOffloads));
            Assert.Equal(energyDrops, r.Counter(e, RefinementCounters.EnergyDrops));
            if (mode == CpuModes.DemandBased)
                Assert.Equal(removed, r.Counter(e, RefinementCounters.CpuDrops) + r.Counter(e, RefinementCounters.InfeasibleDrops));
        }
    }

    /// <summary>
    /// D4 by sorting Υ_b: Prefix keeps the longest prefix of the (ϱ desc, q asc) order that fits, GreedyFill every
    /// task that fits after the ones kept before it. Decisions within <see cref="Margin"/> of F are not judged.
    /// </summary>
    private static void AssertCpuRule(MecCase c, float[] proto, DecodeResult r, int e, int[] bStar)
    {
        int first = e * c.Slots;
        bool literal = c.CpuMode[e] == (int)CpuModes.ActorLiteral;
        bool greedyFill = c.CpuDropRule[e] == (int)DropRules.GreedyFill;
        for (int b = 0; b < c.N; b++)
        {
            double cpu = c.CpuHz[c.Bs(e, b)];
            var members = Enumerable.Range(0, c.Slots)
                .Where(q => r.EnergyOk[first + q] == 1 && bStar[q] == b)
                .OrderByDescending(q => r.Priority[first + q]).ThenBy(q => q).ToList();
            double load = 0;
            bool dropped = false;
            foreach (int q in members)
            {
                int d = first + q;
                double term = literal ? Clamp01(proto[d * c.ProtoWidth + c.N + 1]) * (double)(float)cpu : r.DemandHz[d];
                bool fits = load + term <= cpu;
                bool near = Math.Abs(load + term - cpu) <= Margin * Math.Max(cpu, 1);
                bool expectKept = greedyFill ? fits : fits && !dropped;
                if (!near || (dropped && !greedyFill))
                    Assert.True(expectKept == (r.Offload[d] == 1), $"D4 env {e} BS {b} slot {q}: kept {r.Offload[d]}, load {load} + {term} vs F {cpu}");
                if (r.Offload[d] == 1) load += term;
                else dropped = true;
            }
        }
    }
}
