using GpuTwin.Kernels.Runtime;
using static GpuTwin.Tests.CollabMec.Refinement.ProtoActions;

namespace GpuTwin.Tests.CollabMec.Refinement;

/// <summary>I7: Decode(encode(Decode(â))) has the same x and Target as Decode(â) (DemandBased, Prefix).</summary>
public class IdempotenceTests
{
    [Theory]
    [InlineData(Kind.Uniform)]
    [InlineData(Kind.AllOnes)]
    [InlineData(Kind.Ties)]
    [InlineData(Kind.Wild)]
    public void ReDecodingTheRefinedAction_KeepsXAndTarget(Kind kind)
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        var c = MecCase.Random(41 + (int)kind, 600, 3, 16);
        Array.Clear(c.CpuMode);
        Array.Clear(c.CpuDropRule);
        var proto = Make(c, kind, 43);
        using var bed = new RefinementBed(device, c);
        var first = bed.Decode(proto);
        var encoded = Encode(c, first, proto);
        var second = bed.Decode(encoded);
        Assert.Equal(first.Offload, second.Offload);
        Assert.Equal(first.Target, second.Target);
        // The refined action is valid, so nothing is dropped the second time.
        Assert.Equal(second.NnOffload, second.Offload);
        int cpuDrops = first.Counters.Where((_, k) => k % 4 == 2).Sum(x => (int)x);
        Assert.True(first.Offload.Sum(x => x) > 0 && cpuDrops > 0, "the batch must exercise CPU drops");
    }
}
