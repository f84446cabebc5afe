using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement;

namespace GpuTwin.Tests.CollabMec.Refinement;

/// <summary>
/// 2 BSs, 3 devices, every stage by hand (B = 1 MHz, N0 = 1e−8 W/Hz, so B·N0 = 0.01 W):
/// A = (0, 0): p·h = 0.01 W, battery 10 mJ, to home BS 0.
/// P = (0, 1): p·h = 0.02 W, battery 20 mJ, to peer BS 1 over C = 1e8 bit/s, δ = 1 s, v = 5000, g = 2.
/// H = (1, 0): p·h = 0.01 W, battery 20 mJ, to home BS 1, δ = 0.5 s, v = 4000, g = 3. All z = 6e4 bit, F = 0.6 GHz.
/// </summary>
public class HandComputedCaseTests
{
    private const double B = 1e6, Noise = 0.01, Z = 6e4;

    private static (MecCase Case, float[] Proto) Build()
    {
        var c = MecCase.Empty(1, 2, 2);
        c.SetDevice(0, 0, 0, p: 0.1f, h: 0.1f, battery: 0.010f, z: 6e4f, v: 5000f, deadline: 1f, award: 1f);
        c.SetDevice(0, 0, 1, p: 0.1f, h: 0.2f, battery: 0.020f, z: 6e4f, v: 5000f, deadline: 1f, award: 2f);
        c.SetDevice(0, 1, 0, p: 0.1f, h: 0.1f, battery: 0.020f, z: 6e4f, v: 4000f, deadline: 0.5f, award: 3f);
        var proto = new float[c.ProtoLength];
        void Set(int d, float x, float y0, float y1, float w) { int p = d * 4; proto[p] = x; proto[p + 1] = y0; proto[p + 2] = y1; proto[p + 3] = w; }
        Set(c.Dev(0, 0, 0), 0.9f, 0.8f, 0.1f, 0.3f);
        Set(c.Dev(0, 0, 1), 0.6f, 0.2f, 0.7f, 0.5f);
        Set(c.Dev(0, 1, 0), 0.7f, 0.4f, 0.9f, 0.25f);
        return (c, proto);
    }

    [Fact]
    public void EveryStage_MatchesTheHandComputation()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        var (c, proto) = Build();
        using var bed = new RefinementBed(device, c);
        var r = bed.Decode(proto);
        int a = c.Dev(0, 0, 0), p = c.Dev(0, 0, 1), h = c.Dev(0, 1, 0);

        // D1: x̂ + max ŷ = 1.7, 1.3, 1.6 > 1; targets 0, 1, 1.
        Assert.Equal(new byte[] { 1, 1, 1 }, new[] { r.NnOffload[a], r.NnOffload[p], r.NnOffload[h] });

        // D2, R0 with all three: A sees I = 0.02 W, SINR = 0.01/0.03 = 1/3; E0 = 0.1·6e4/(1e6·log2(4/3)) = 14.5 mJ > 10 mJ: dropped.
        // P sees I = 0.01 W, SINR 1, R0 = 1 Mb/s, E0 = 6 mJ ≤ 20 mJ. H is alone in cell 1: SINR 1, E0 = 6 mJ.
        double e0A = 0.1 * Z / (B * Math.Log2(1 + 0.01 / (Noise + 0.02)));
        Assert.True(e0A > 0.010);
        Assert.Equal(new byte[] { 0, 1, 1 }, new[] { r.EnergyOk[a], r.EnergyOk[p], r.EnergyOk[h] });
        Assert.Equal(1f, r.Counter(0, RefinementCounters.EnergyDrops));

        // D3, R1 without A: P is alone, SINR 2, R1 = log2(3) Mb/s; d_w = z/R1, d_c = 6e4/1e8 = 0.6 ms.
        double r1P = B * Math.Log2(3), r1H = B;
        double lP = Z * 5000 / (1.0 - Z / r1P - Z / 1e8);
        double lH = Z * 4000 / (0.5 - Z / r1H);
        Assert.Equal(lP, r.DemandHz[p], lP * 1e-5);
        Assert.Equal(lH, r.DemandHz[h], lH * 1e-5);
        Assert.Equal(2 / lP, r.Priority[p], 2 / lP * 1e-5);
        Assert.Equal(3 / lH, r.Priority[h], 3 / lH * 1e-5);

        // D4 at BS 1: ϱ_P = 6.4e−9 > ϱ_H = 5.5e−9; l_P = 3.12e8 fits, l_P + l_H = 8.57e8 > 6e8: H (lowest ϱ) dropped.
        Assert.True(2 / lP > 3 / lH && lP <= 0.6e9 && lP + lH > 0.6e9);
        Assert.Equal(new byte[] { 0, 1, 0 }, new[] { r.Offload[a], r.Offload[p], r.Offload[h] });
        Assert.Equal(new sbyte[] { -1, 1, -1 }, new[] { r.Target[a], r.Target[p], r.Target[h] });
        Assert.Equal(1f, r.Counter(0, RefinementCounters.CpuDrops));
        Assert.Equal(3f, r.Counter(0, RefinementCounters.NnOffloads));

        // D5: P is alone at BS 1, so it gets l_P + the whole spare: F.
        Assert.Equal(0.6e9, r.AllocHz[p], 0.6e9 * 1e-6);
        Assert.Equal(lP, r.BsDemandHz[c.Bs(0, 1)], lP * 1e-5);
        Assert.Equal(0.5f, r.BsWeight[c.Bs(0, 1)]);

        // S4: R2 = R1 for P (the cell lost A already in D2); S_0 = 0.02 W; nothing transmits in cell 1.
        Assert.Equal(r1P, r.RateBps[p], r1P * 1e-5);
        Assert.Equal(0.02, r.CellRxPowerW[c.Bs(0, 0)], 1e-8);
        Assert.Equal(0f, r.CellRxPowerW[c.Bs(0, 1)]);
        Assert.Equal(0f, r.RateBps[a]);
        Assert.Equal(0f, r.RateBps[h]);
    }

    [Fact]
    public void TwoKeptTasks_SplitTheSpareByTheirWeights()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        var (c, proto) = Build();
        c.CpuHz[c.Bs(0, 1)] = 2e9f; // both tasks at BS 1 now fit
        using var bed = new RefinementBed(device, c);
        var r = bed.Decode(proto);
        int p = c.Dev(0, 0, 1), h = c.Dev(0, 1, 0);
        double lP = r.DemandHz[p], lH = r.DemandHz[h];
        double spare = 2e9 - lP - lH;
        // w = 0.5 and 0.25: P gets two thirds of the spare, H one third.
        Assert.Equal(lP + spare * 0.5 / 0.75, r.AllocHz[p], 2e9 * 1e-6);
        Assert.Equal(lH + spare * 0.25 / 0.75, r.AllocHz[h], 2e9 * 1e-6);
        Assert.Equal(2e9, (double)r.AllocHz[p] + r.AllocHz[h], 2e9 * 1e-6);
    }

    [Fact]
    public void ActorLiteral_GivesWeightTimesF_AndBudgetsOnIt()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        var (c, proto) = Build();
        c.CpuMode[0] = (int)CpuMode.ActorLiteral;
        using var bed = new RefinementBed(device, c);
        var r = bed.Decode(proto);
        int p = c.Dev(0, 0, 1), h = c.Dev(0, 1, 0);
        // ŵ·F = 0.3 and 0.15 GHz: Σ = 0.45 GHz ≤ 0.6 GHz, so both are kept, though H gets f < l_H.
        Assert.Equal(1, r.Offload[p]);
        Assert.Equal(1, r.Offload[h]);
        Assert.Equal(0.5f * 0.6e9f, r.AllocHz[p]);
        Assert.Equal(0.25f * 0.6e9f, r.AllocHz[h]);
        Assert.True(r.AllocHz[h] < r.DemandHz[h]);
    }
}
