using GpuTwin.Kernels.Runtime;
using GpuTwin.Tests.CollabMec.Refinement;
using GpuTwin.VecEnv.Scenarios.CollaborativeMec.Baselines;
using GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement;

namespace GpuTwin.Tests.CollabMec.Baselines;

/// <summary>The greedy engine G1–G5 (OLNPO, LPWPO, GGPO): valid actions the decoder keeps, and the spec's target rules.</summary>
public class GreedyBaselineTests
{
    public static TheoryData<MecHeuristic> Greedy() => new() { MecHeuristic.Olnpo, MecHeuristic.Lpwpo, MecHeuristic.Ggpo };

    /// <summary>A state where the CPU binds: U = 16 per cell, batteries up to 1 J, F per BS from {0.2, 0.3, 0.6} GHz.</summary>
    private static MecCase Crowded(int seed, int envs, int n = 3, int u = 16)
    {
        var c = MecCase.Random(seed, envs, n, u);
        var rng = new System.Random(seed + 1);
        float[] cpu = [0.2e9f, 0.3e9f, 0.6e9f];
        for (int b = 0; b < c.CpuHz.Length; b++) if (rng.NextDouble() < 0.8) c.CpuHz[b] = cpu[rng.Next(cpu.Length)];
        for (int d = 0; d < c.BatteryJ.Length; d++) c.BatteryJ[d] = (float)(rng.NextDouble() < 0.5 ? rng.NextDouble() : 0.05 * rng.NextDouble());
        Array.Clear(c.CpuMode);
        Array.Clear(c.CpuDropRule);
        return c;
    }

    [Theory]
    [MemberData(nameof(Greedy))]
    public void DecoderKeepsEveryGreedyTask_OnRandomStates(MecHeuristic heuristic)
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        var c = Crowded(61, 1200);
        using var bed = new BaselineBed(device, c, heuristic);
        var (proto, r) = bed.ActAndDecode();
        int admitted = 0, peer = 0;
        for (int d = 0; d < c.E * c.Slots; d++)
        {
            int p0 = d * c.ProtoWidth;
            int target = Enumerable.Range(0, c.N).FirstOrDefault(b => proto[p0 + 1 + b] == 1f, -1);
            bool offload = proto[p0] == 1f;
            Assert.Equal(offload, target >= 0);
            Assert.Equal(offload ? (byte)1 : (byte)0, r.Offload[d]);
            Assert.Equal(target, (int)r.Target[d]);
            if (!offload) continue;
            admitted++;
            if (target != d % c.Slots / c.U) peer++;
        }
        for (int e = 0; e < c.E; e++)
        {
            Assert.Equal(0f, r.Counter(e, RefinementCounters.EnergyDrops));
            Assert.Equal(0f, r.Counter(e, RefinementCounters.CpuDrops));
            Assert.Equal(0f, r.Counter(e, RefinementCounters.InfeasibleDrops));
        }
        DecoderReference.AssertInvariants(c, proto, r);
        Assert.True(admitted > c.E, $"{admitted} tasks admitted");
        if (heuristic == MecHeuristic.Olnpo) Assert.Equal(0, peer);
        else Assert.True(peer > 50, $"{peer} peer-offloaded tasks");
    }

    [Theory]
    [MemberData(nameof(Greedy))]
    public void DecoderKeepsEveryGreedyTask_AtTheSpecDefaults(MecHeuristic heuristic)
    {
        // 30/55/80 devices, F = 0.6 GHz, spec §3 draws; batteries near the greedy regime (§9: mean 37–45 mJ).
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        var c = MecCase.Random(71, 24, 3, 80, corners: false);
        var rng = new System.Random(72);
        int[] counts = [30, 55, 80];
        for (int d = 0; d < c.E * c.Slots; d++)
        {
            if (d % c.Slots % c.U >= counts[d % c.Slots / c.U]) c.DevActive[d] = 0;
            c.BatteryJ[d] = (float)(0.09 * rng.NextDouble());
        }
        using var bed = new BaselineBed(device, c, heuristic);
        var (proto, r) = bed.ActAndDecode();
        for (int d = 0; d < c.E * c.Slots; d++) Assert.Equal(proto[d * c.ProtoWidth] == 1f ? (byte)1 : (byte)0, r.Offload[d]);
        DecoderReference.AssertInvariants(c, proto, r);
        double perEnv = r.Offload.Sum(x => x) / (double)c.E;
        Assert.True(perEnv > 3, $"{perEnv} tasks per env");
    }

    [Fact]
    public void PeerOffloading_RaisesTheAdmittedAwards_OnAverage()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        var c = Crowded(81, 2000);
        double Income(MecHeuristic h)
        {
            using var bed = new BaselineBed(device, c, h);
            var (_, r) = bed.ActAndDecode();
            return Enumerable.Range(0, r.Offload.Length).Sum(d => r.Offload[d] * (double)c.Award[d]) / c.E;
        }
        double olnpo = Income(MecHeuristic.Olnpo), lpwpo = Income(MecHeuristic.Lpwpo), ggpo = Income(MecHeuristic.Ggpo);
        Assert.True(lpwpo > olnpo, $"LPWPO {lpwpo} vs OLNPO {olnpo}");
        Assert.True(ggpo > olnpo, $"GGPO {ggpo} vs OLNPO {olnpo}");
    }

    /// <summary>
    /// Two BSs, F = 0.2 GHz each (one task each: l ≈ 0.15–0.16 GHz). Cell 0: A (g = 3) and B (g = 2.9); cell 1: C (g = 1).
    /// p·h = 0.1 W, so both cell-0 devices can upload together (SINR 0.91) on 10 J batteries.
    /// </summary>
    private static MecCase ThreeTasks(float cpu1)
    {
        var c = MecCase.Empty(1, 2, 2);
        c.SetDevice(0, 0, 0, p: 0.1f, h: 1f, battery: 10f, z: 6e4f, v: 5000f, deadline: 2f, award: 3f);
        c.SetDevice(0, 0, 1, p: 0.1f, h: 1f, battery: 10f, z: 6e4f, v: 5000f, deadline: 2f, award: 2.9f);
        c.SetDevice(0, 1, 0, p: 0.1f, h: 1f, battery: 10f, z: 6e4f, v: 5000f, deadline: 2f, award: 1f);
        c.CpuHz[0] = 0.2e9f;
        c.CpuHz[1] = cpu1;
        return c;
    }

    private static sbyte[] Targets(MecCase c, MecHeuristic h)
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var bed = new BaselineBed(device, c, h);
        var (_, r) = bed.ActAndDecode();
        Assert.Equal(r.NnOffload, r.Offload);
        return [r.Target[c.Dev(0, 0, 0)], r.Target[c.Dev(0, 0, 1)], r.Target[c.Dev(0, 1, 0)]];
    }

    [Fact]
    public void HandBuilt_OlnpoStaysHome_GgpoPlacesTheCrowdedCellsTaskFirst_LpwpoHelpsOnlyWithSpareCpu()
    {
        var tight = ThreeTasks(0.2e9f);
        // OLNPO: A at home; B does not fit at BS 0; C at home.
        Assert.Equal(new sbyte[] { 0, -1, 1 }, Targets(tight, MecHeuristic.Olnpo));
        // LPWPO: BS 1 already holds its own C, so B finds no room there.
        Assert.Equal(new sbyte[] { 0, -1, 1 }, Targets(tight, MecHeuristic.Lpwpo));
        // GGPO: one pass in ϱ⁰ order A, B, C: B takes BS 1 before C, and C then fits nowhere.
        Assert.Equal(new sbyte[] { 0, 1, -1 }, Targets(tight, MecHeuristic.Ggpo));

        var roomy = ThreeTasks(0.4e9f);
        Assert.Equal(new sbyte[] { 0, -1, 1 }, Targets(roomy, MecHeuristic.Olnpo));
        Assert.Equal(new sbyte[] { 0, 1, 1 }, Targets(roomy, MecHeuristic.Lpwpo));
        Assert.Equal(new sbyte[] { 0, 1, 1 }, Targets(roomy, MecHeuristic.Ggpo));

        // Without the link, nobody can help.
        tight.WiredBps[tight.Link(0, 0, 1)] = 0f;
        Assert.Equal(new sbyte[] { 0, -1, 1 }, Targets(tight, MecHeuristic.Ggpo));
    }

    [Fact]
    public void RadioRejectedTasks_AndNonCandidates_AreNeverAdmitted()
    {
        var c = ThreeTasks(0.4e9f);
        c.BatteryJ[c.Dev(0, 0, 1)] = 0.005f; // B can upload alone (E⁰ ≈ 1.7 mJ) but not next to A (≈ 6.4 mJ)
        c.Gain[c.Dev(0, 1, 0)] = 0f;         // C: ν⁰ = 0, not a candidate
        Assert.Equal(new sbyte[] { 0, -1, -1 }, Targets(c, MecHeuristic.Ggpo));
        Assert.Equal(new sbyte[] { 0, -1, -1 }, Targets(c, MecHeuristic.Lpwpo));
    }

    [Theory]
    [MemberData(nameof(Greedy))]
    public void HostPath_And_IlgpuCpu_WriteTheSameProtoAction(MecHeuristic heuristic)
    {
        var c = Crowded(91, 6, 3, 8);
        float[] Run(DeviceKind kind)
        {
            using var device = ComputeDevice.Create(kind);
            using var bed = new BaselineBed(device, c, heuristic);
            return bed.Act();
        }
        var host = Run(DeviceKind.Cpu);
        Assert.Equal(host, Run(DeviceKind.IlgpuCpu));
        Assert.Contains(host, x => x == 1f);
    }
}
