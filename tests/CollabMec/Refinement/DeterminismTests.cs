using GpuTwin.Kernels.Runtime;
using static GpuTwin.Tests.CollabMec.Refinement.ProtoActions;

namespace GpuTwin.Tests.CollabMec.Refinement;

/// <summary>I8: no RNG, fixed orders: env i decodes identically in any batch, and host path = ILGPU CPU bit for bit.</summary>
public class DeterminismTests
{
    private static float[] EnvOutputs(MecCase c, DecodeResult r, int e)
    {
        int s = c.Slots, n = c.N, k = 4;
        var parts = new List<float>();
        void Take<T>(T[] a, int width, Func<T, float> f) => parts.AddRange(a.Skip(e * width).Take(width).Select(f));
        Take(r.NnOffload, s, x => x); Take(r.EnergyOk, s, x => x); Take(r.Offload, s, x => x); Take(r.Target, s, x => x);
        Take(r.DemandHz, s, x => x); Take(r.Priority, s, x => x); Take(r.AllocHz, s, x => x); Take(r.RateBps, s, x => x);
        Take(r.CellRxPowerW, n, x => x); Take(r.BsDemandHz, n, x => x); Take(r.BsWeight, n, x => x); Take(r.Counters, k, x => x);
        return parts.ToArray();
    }

    private static float[] ProtoOf(MecCase c, float[] proto, params int[] envs) =>
        envs.SelectMany(e => proto.Skip(e * c.Slots * c.ProtoWidth).Take(c.Slots * c.ProtoWidth)).ToArray();

    [Fact]
    public void EnvDecision_DoesNotDependOnTheBatch()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        var c = MecCase.Random(7, 64, 3, 12);
        var proto = Make(c, Kind.Uniform, 8);
        using var big = new RefinementBed(device, c);
        var all = big.Decode(proto);
        foreach (var envs in new[] { new[] { 5 }, Enumerable.Range(56, 8).ToArray(), Enumerable.Range(0, 64).Reverse().ToArray() })
        {
            var sub = c.Subset(envs);
            using var bed = new RefinementBed(device, sub);
            var r = bed.Decode(ProtoOf(c, proto, envs));
            for (int k = 0; k < envs.Length; k++)
                Assert.Equal(EnvOutputs(c, all, envs[k]), EnvOutputs(sub, r, k));
        }
        // Decoding twice gives the same outputs (no state carried from the previous call).
        Assert.Equal(all.Flat(), big.Decode(proto).Flat());
    }

    [Fact]
    public void HostPath_And_IlgpuCpuAccelerator_AreBitIdentical()
    {
        var c = MecCase.Random(9, 24, 3, 8);
        c.CpuMode[1] = 1;
        c.CpuDropRule[2] = 1;
        var proto = Make(c, Kind.Uniform, 10);
        Array.Copy(Make(c, Kind.AllOnes, 0), 0, proto, 0, 8 * c.Slots * c.ProtoWidth);
        float[] Run(DeviceKind kind)
        {
            using var device = ComputeDevice.Create(kind);
            using var bed = new RefinementBed(device, c);
            return bed.Decode(proto).Flat();
        }
        var host = Run(DeviceKind.Cpu);
        var emulator = Run(DeviceKind.IlgpuCpu);
        Assert.Equal(host, emulator);
        Assert.Contains(host, x => x != 0f);
    }
}
