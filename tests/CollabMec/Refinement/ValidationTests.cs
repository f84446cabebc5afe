using GpuTwin.Kernels.Runtime;
using GpuTwin.Tests.CollabMec.Baselines;
using GpuTwin.VecEnv.Scenarios.CollaborativeMec.Baselines;
using GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement;

namespace GpuTwin.Tests.CollabMec.Refinement;

/// <summary>Bad dimensions or short buffers are refused with the field's name, before any kernel runs.</summary>
public class ValidationTests
{
    [Fact]
    public void ShortProtoAction_NamesTheProtoAndTheNeededLength()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        var c = MecCase.Random(1, 2, 3, 4);
        using var bed = new RefinementBed(device, c);
        using var shortProto = device.Allocate<float>(c.ProtoLength - 1);
        var ex = Assert.Throws<ArgumentException>(() => bed.Decoder.Decode(bed.Views, shortProto.View, c.E));
        Assert.Equal("proto", ex.ParamName);
        Assert.Contains($"{c.ProtoLength}", ex.Message);
    }

    [Fact]
    public void ShortStateView_NamesTheField()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        var c = MecCase.Random(1, 2, 3, 4);
        using var bed = new RefinementBed(device, c);
        var views = bed.Views;
        views.BatteryJ = views.BatteryJ.SubView(0, c.Slots); // one env's worth for two envs
        var ex = Assert.Throws<ArgumentException>(() => bed.Decoder.Decode(views, bed.Proto.View, c.E));
        Assert.Contains("BatteryJ", ex.Message);
        Assert.Equal("BatteryJ", ex.ParamName);
    }

    [Theory]
    [InlineData(0, 4, "N")]
    [InlineData(31, 4, "N")]
    [InlineData(3, 0, "UMax")]
    public void BadDimensions_AreRefusedWithTheirRange(int n, int u, string field)
    {
        var views = new RefinementViews { N = n, UMax = u };
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => views.Validate(1));
        Assert.Equal(field, ex.ParamName);
    }

    [Fact]
    public void Baseline_RefusesViewsOfAnotherShape()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var bed = new BaselineBed(device, MecCase.Random(1, 2, 3, 4), MecHeuristic.Ggpo);
        using var wrong = new MecBaseline(device, MecHeuristic.Ggpo, 2, 3, 5, 1, BaselineBed.TestRandomStream);
        using var slot = device.Allocate<int>(2);
        Assert.Throws<ArgumentException>(() => wrong.Act(bed.Bed.Views, bed.Bed.Proto.View, slot.View, slot.View));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MecBaseline(device, (MecHeuristic)7, 2, 3, 4, 1, 0));
    }
}
