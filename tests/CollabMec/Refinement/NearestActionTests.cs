using ILGPU.Runtime;
using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement;
using static GpuTwin.Tests.CollabMec.Refinement.ProtoActions;

namespace GpuTwin.Tests.CollabMec.Refinement;

/// <summary>D1's closed form (b* = argmax ŷ, x' = x̂ + ŷ_b* &gt; 1) against a brute-force nearest-neighbour search.</summary>
public class NearestActionTests
{
    [Theory]
    [InlineData(Kind.Uniform, false)]
    [InlineData(Kind.Uniform, true)]
    [InlineData(Kind.Ties, false)]
    [InlineData(Kind.Ties, true)]
    [InlineData(Kind.Wild, false)]
    public void ClosedForm_IsTheNearestValidDiscreteAction(Kind kind, bool l1)
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        var c = MecCase.Random(17 + (int)kind, 500, 3, 16);
        var proto = Make(c, kind, 29);
        using var bed = new RefinementBed(device, c);
        bed.Proto.View.SubView(0, proto.Length).CopyFromCPU(proto);
        // D1 alone: the kernel called directly on the host (the host path runs the same method).
        for (int cell = 0; cell < c.E * c.N; cell++) NearestAction.NearestActionKernel(cell, bed.Views, bed.Proto.View);
        var r = bed.Read();
        int offloads = 0, discards = 0, unjudged = 0;
        for (int d = 0; d < c.E * c.Slots; d++)
        {
            int expected = DecoderReference.NearestTarget(c, proto, d, l1);
            int got = r.NnOffload[d] == 1 ? r.Target[d] : -1;
            if (got != expected)
            {
                // Only float32 rounding of x̂ + ŷ may decide otherwise than exact arithmetic.
                int b = DecoderReference.BestAllowed(c, proto, d);
                double sum = DecoderReference.Clamp01(proto[d * c.ProtoWidth]) + DecoderReference.Clamp01(proto[d * c.ProtoWidth + 1 + b]);
                Assert.True(Math.Abs(sum - 1) <= 2.5e-7, $"slot {d}: closed form {got}, nearest {expected}, x̂ + ŷ = {sum}, â = [{string.Join(", ", proto.Skip(d * c.ProtoWidth).Take(c.ProtoWidth))}], allowed [{string.Join(", ", Enumerable.Range(0, c.N).Select(b => c.Allowed(d / c.Slots, d % c.Slots / c.U, b)))}]");
                unjudged++;
                continue;
            }
            if (got >= 0) offloads++;
            else if (c.DevActive[d] == 1) discards++;
        }
        Assert.True(offloads > 100 && discards > 100, $"{offloads} offloads, {discards} discards");
        Assert.True(unjudged <= 2, $"{unjudged} rounding ties");
    }

    [Fact]
    public void ExactTie_Discards_AndEqualScores_PickTheLowestBs()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        var c = MecCase.Empty(1, 3, 1);
        for (int i = 0; i < 3; i++) c.SetDevice(0, i, 0, 0.1f, 0.1f, 1f, 6e4f, 5000f, 1f, 1f);
        var proto = new float[c.ProtoLength];
        // BS 0's device: x̂ + ŷ = 0.25 + 0.75 = 1 exactly → discard.
        proto[0] = 0.25f; proto[1] = 0.75f; proto[2] = 0.75f; proto[3] = 0.5f;
        // BS 1's device: ŷ_0 = ŷ_2 = 0.75 > ŷ_1 → BS 0 (lower index); BS 2's device: all equal → BS 0.
        proto[5] = 0.5f; proto[6] = 0.75f; proto[7] = 0.5f; proto[8] = 0.75f;
        proto[10] = 0.5f; proto[11] = 0.6f; proto[12] = 0.6f; proto[13] = 0.6f;
        using var bed = new RefinementBed(device, c);
        bed.Proto.View.CopyFromCPU(proto);
        for (int cell = 0; cell < 3; cell++) NearestAction.NearestActionKernel(cell, bed.Views, bed.Proto.View);
        var r = bed.Read();
        Assert.Equal(new sbyte[] { -1, 0, 0 }, r.Target);
        Assert.Equal(new byte[] { 0, 1, 1 }, r.NnOffload);
    }
}
