using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement;
using static GpuTwin.Tests.CollabMec.Refinement.ProtoActions;

namespace GpuTwin.Tests.CollabMec.Refinement;

/// <summary>D4's drop rules: lowest priority first, a prefix and not a fill, and the GreedyFill option.</summary>
public class CpuRuleTests
{
    /// <summary>One cell of 4 devices with equal radio fields, so every device sees the same rate; awards and cycles set ϱ and l.</summary>
    private static MecCase FourTasks(float cpuHz, float[] awards, float[] cycles)
    {
        var c = MecCase.Empty(1, 1, 4);
        for (int j = 0; j < 4; j++) c.SetDevice(0, 0, j, p: 0.1f, h: 1f, battery: 10f, z: 6e4f, v: cycles[j], deadline: 2f, award: awards[j]);
        c.CpuHz[0] = cpuHz;
        return c;
    }

    [Fact]
    public void LowestPriorityTasks_AreDroppedFirst()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        // Equal radio and demand terms; the awards alone set ϱ: order 1, 3, 0, 2.
        var c = FourTasks(4e8f, [2f, 3f, 1f, 2.5f], [5000f, 5000f, 5000f, 5000f]);
        using var bed = new RefinementBed(device, c);
        var r = bed.Decode(Make(c, Kind.AllOnes, 0));
        double l = r.DemandHz[0];
        Assert.True(2 * l <= 4e8 && 3 * l > 4e8, $"l = {l}"); // two tasks fit
        Assert.Equal(new byte[] { 0, 1, 0, 1 }, r.Offload);
        Assert.Equal(2f, r.Counter(0, RefinementCounters.CpuDrops));
    }

    [Fact]
    public void Prefix_StopsAtTheFirstTaskThatDoesNotFit_GreedyFillSkipsIt()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        // ϱ order 0, 1, 2, 3; task 1 is large (v = 30000) so it does not fit after task 0, but tasks 2 and 3 would.
        var c = FourTasks(1e9f, [4f, 3.9f, 0.5f, 0.4f], [5000f, 30000f, 5000f, 5000f]);
        var proto = Make(c, Kind.AllOnes, 0);
        using var bed = new RefinementBed(device, c);
        var prefix = bed.Decode(proto);
        Assert.True(prefix.Priority[0] > prefix.Priority[1] && prefix.Priority[1] > prefix.Priority[2] && prefix.Priority[2] > prefix.Priority[3]);
        Assert.True(prefix.DemandHz[0] + prefix.DemandHz[1] > 1e9 && prefix.DemandHz[0] + prefix.DemandHz[2] + prefix.DemandHz[3] <= 1e9);
        Assert.Equal(new byte[] { 1, 0, 0, 0 }, prefix.Offload);

        c.CpuDropRule[0] = (int)CpuDropRule.GreedyFill;
        using var fillBed = new RefinementBed(device, c);
        var fill = fillBed.Decode(proto);
        Assert.Equal(new byte[] { 1, 0, 1, 1 }, fill.Offload);
        DecoderReference.AssertInvariants(c, proto, fill);
    }

    [Fact]
    public void GreedyFill_KeepsASupersetOfThePrefix()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        var c = MecCase.Random(51, 400, 3, 16, corners: false);
        for (int b = 0; b < c.CpuHz.Length; b++) c.CpuHz[b] = 0.3e9f;
        for (int d = 0; d < c.BatteryJ.Length; d++) c.BatteryJ[d] *= 20f;
        var proto = Make(c, Kind.Uniform, 52);
        using var bed = new RefinementBed(device, c);
        var prefix = bed.Decode(proto);
        Array.Fill(c.CpuDropRule, (int)CpuDropRule.GreedyFill);
        using var fillBed = new RefinementBed(device, c);
        var fill = fillBed.Decode(proto);
        DecoderReference.AssertInvariants(c, proto, fill);
        for (int d = 0; d < prefix.Offload.Length; d++) Assert.True(fill.Offload[d] >= prefix.Offload[d]);
        Assert.True(fill.Offload.Sum(x => x) > prefix.Offload.Sum(x => x));
    }
}
