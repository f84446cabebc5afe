using GpuTwin.Kernels.Runtime;
using GpuTwin.Tests.CollabMec.Refinement;
using GpuTwin.VecEnv.Scenarios.CollaborativeMec.Baselines;

namespace GpuTwin.Tests.CollabMec.Baselines;

/// <summary>B0 Random and B1 OffloadAllHome.</summary>
public class SimpleBaselineTests
{
    [Fact]
    public void Random_PassesD1ForThreeQuartersOfTheTasks_WithThreeBss()
    {
        // P(x̂ + max of 3 ŷ > 1) = E[1 − (1 − x̂)³] = 3/4 (spec §9 B0) on a full mesh.
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        var c = MecCase.Random(101, 400, 3, 16, corners: false);
        using var bed = new BaselineBed(device, c, MecHeuristic.Random, seed: 5);
        var (proto, r) = bed.ActAndDecode();
        int active = c.DevActive.Sum(x => x);
        double share = r.NnOffload.Sum(x => x) / (double)active;
        Assert.InRange(share, 0.75 - 0.015, 0.75 + 0.015); // 19 200 tasks: 4σ ≈ 0.013
        for (int d = 0; d < c.E * c.Slots; d++)
            for (int k = 0; k < c.ProtoWidth; k++)
            {
                float x = proto[d * c.ProtoWidth + k];
                if (c.DevActive[d] == 0) Assert.Equal(0f, x);
                else Assert.InRange(x, 0f, 0.99999994f);
            }
        DecoderReference.AssertInvariants(c, proto, r);
    }

    [Fact]
    public void Random_IsKeyedBySeedEnvEpisodeAndSlot()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        var c = MecCase.Random(103, 4, 3, 8, corners: false);
        using var bed = new BaselineBed(device, c, MecHeuristic.Random, seed: 5, slot: 3, episode: 1);
        var a = bed.Act();
        Assert.Equal(a, bed.Act());
        int perEnv = c.Slots * c.ProtoWidth;
        Assert.NotEqual(a.Take(perEnv), a.Skip(perEnv).Take(perEnv)); // env 0 vs env 1
        bed.SetClock(4, 1);
        Assert.NotEqual(a, bed.Act());
        bed.SetClock(3, 2);
        Assert.NotEqual(a, bed.Act());
        bed.SetClock(3, 1);
        Assert.Equal(a, bed.Act());
        using var other = new BaselineBed(device, c, MecHeuristic.Random, seed: 6, slot: 3, episode: 1);
        Assert.NotEqual(a, other.Act());
    }

    [Fact]
    public void OffloadAllHome_OffloadsEveryActiveDeviceToItsHome_BeforeTheEnergyStage()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        var c = MecCase.Random(107, 300, 3, 16);
        using var bed = new BaselineBed(device, c, MecHeuristic.OffloadAllHome);
        var (proto, r) = bed.ActAndDecode();
        Assert.Equal(c.DevActive, r.NnOffload);
        for (int d = 0; d < c.E * c.Slots; d++)
            if (r.Offload[d] == 1) Assert.Equal(d % c.Slots / c.U, r.Target[d]);
        DecoderReference.AssertInvariants(c, proto, r);
        // The whole cell transmits at once, so the energy stage drops most tasks (spec §9 B1).
        Assert.True(r.EnergyOk.Sum(x => x) < 0.5 * c.DevActive.Sum(x => x));
    }
}
