using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement;
using static GpuTwin.Tests.CollabMec.Refinement.ProtoActions;

namespace GpuTwin.Tests.CollabMec.Refinement;

/// <summary>I1–I6 and the stage values on 10⁴ random (state, â) pairs (spec §11 "Decoder checks").</summary>
public class InvariantTests
{
    /// <summary>(N, U_max, envs) batches: 10⁴ envs in all, N from 1 to 4.</summary>
    public static TheoryData<int, int, int, Kind> Batches() => new()
    {
        { 3, 12, 2500, Kind.Uniform },
        { 3, 12, 1000, Kind.AllOnes },
        { 3, 12, 500, Kind.AllZeros },
        { 3, 12, 2000, Kind.Ties },
        { 3, 12, 1000, Kind.Wild },
        { 1, 12, 1000, Kind.Uniform },
        { 2, 10, 1000, Kind.Ties },
        { 4, 10, 1000, Kind.AllOnes },
    };

    [Theory]
    [MemberData(nameof(Batches))]
    public void RandomStatesAndActions_KeepEveryInvariant(int n, int u, int envs, Kind kind)
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        int seed = n * 1000 + u * 10 + (int)kind;
        var c = MecCase.Random(seed, envs, n, u);
        var proto = Make(c, kind, seed + 1);
        using var bed = new RefinementBed(device, c);
        var r = bed.Decode(proto);
        DecoderReference.AssertInvariants(c, proto, r);

        // Not vacuous: every stage acts somewhere in the batch (AllZeros offloads nothing by construction).
        int nn = r.NnOffload.Sum(x => x), ok = r.EnergyOk.Sum(x => x), kept = r.Offload.Sum(x => x);
        if (kind == Kind.AllZeros) Assert.Equal(0, nn);
        else Assert.True(nn > ok && ok > kept && kept > 0, $"x' {nn}, x'' {ok}, x {kept}");
    }

    [Fact]
    public void PaddedSlots_AndMaskedTargets_AreNeverUsed()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        var c = MecCase.Random(5, 200, 3, 8);
        // Every padded slot asks for offloading, and every slot's best score is a BS it may not use.
        var proto = Make(c, Kind.AllOnes, 1);
        for (int d = 0; d < c.E * c.Slots; d++)
        {
            int e = d / c.Slots, home = d % c.Slots / c.U;
            for (int b = 0; b < c.N; b++)
                if (!c.Allowed(e, home, b)) proto[d * c.ProtoWidth + 1 + b] = 1f;
                else proto[d * c.ProtoWidth + 1 + b] = 0.5f;
        }
        using var bed = new RefinementBed(device, c);
        var r = bed.Decode(proto);
        for (int d = 0; d < c.E * c.Slots; d++)
        {
            if (c.DevActive[d] == 0) Assert.Equal(0, r.NnOffload[d]);
            if (r.Offload[d] == 1) Assert.True(c.Allowed(d / c.Slots, d % c.Slots / c.U, r.Target[d]));
        }
        DecoderReference.AssertInvariants(c, proto, r);
    }

    [Fact]
    public void ZeroGain_AndZeroCpu_AndInfeasibleDeadlines_AreDroppedWithoutDivision()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        var c = MecCase.Empty(3, 2, 2);
        for (int e = 0; e < 3; e++)
            for (int i = 0; i < 2; i++)
                for (int j = 0; j < 2; j++)
                    c.SetDevice(e, i, j, p: 0.1f, h: 0.1f, battery: 1f, z: 6e4f, v: 5000f, deadline: 1f, award: 2f);
        c.Gain[c.Dev(0, 0, 0)] = 0f;              // env 0: one zero gain: R = 0 ≤ R_MIN, E0 = E_BIG
        c.CpuHz[c.Bs(1, 0)] = 0f;                 // env 1: BS 0 has no CPU
        c.CpuHz[c.Bs(1, 1)] = 0f;
        c.DeadlineS[c.Dev(2, 1, 1)] = 1e-3f;      // env 2: upload alone takes > 30 ms
        var proto = Make(c, Kind.AllOnes, 0);
        for (int d = 0; d < c.E * c.Slots; d++) { proto[d * 4 + 1] = d % 2 == 0 ? 1f : 0f; proto[d * 4 + 2] = d % 2 == 0 ? 0f : 1f; }
        using var bed = new RefinementBed(device, c);
        var r = bed.Decode(proto);
        DecoderReference.AssertInvariants(c, proto, r);

        Assert.Equal(0, r.EnergyOk[c.Dev(0, 0, 0)]);
        Assert.Equal(0f, r.RateBps[c.Dev(0, 0, 0)]);
        for (int q = 0; q < 4; q++) Assert.Equal(0, r.Offload[c.Dev(1, 0, 0) + q]);
        Assert.Equal(4f, r.Counter(1, RefinementCounters.CpuDrops));
        Assert.Equal(1, r.EnergyOk[c.Dev(2, 1, 1)]);
        Assert.Equal(1e30f, r.DemandHz[c.Dev(2, 1, 1)]);
        Assert.Equal(0f, r.Priority[c.Dev(2, 1, 1)]);
        Assert.Equal(0, r.Offload[c.Dev(2, 1, 1)]);
        Assert.Equal(1f, r.Counter(2, RefinementCounters.InfeasibleDrops));
    }

    [Fact]
    public void CellRate_InterferenceEqualsTheDirectSumOverOtherDevices()
    {
        // I = max(S − own, 0) from the ascending-j total, against Σ_{k≠j} p_k·h_k.
        var rng = new System.Random(3);
        for (int trial = 0; trial < 2000; trial++)
        {
            int n = rng.Next(1, 12);
            var rx = Enumerable.Range(0, n).Select(_ => (float)(0.05 * rng.NextDouble() * (rng.NextDouble() < 0.1 ? 0 : 1))).ToArray();
            float total = 0f;
            foreach (float x in rx) total += x;
            for (int j = 0; j < n; j++)
            {
                double direct = rx.Where((_, k) => k != j).Sum(x => (double)x);
                double rate = 1e6 * Math.Log2(1 + rx[j] / (0.01 + direct));
                float got = RefinementRules.CellRateBps(total, rx[j], 1e6f, 1e-8f);
                Assert.True(Math.Abs(got - rate) <= 1e-5 * Math.Max(rate, 1), $"{got} vs {rate}");
            }
        }
    }
}
