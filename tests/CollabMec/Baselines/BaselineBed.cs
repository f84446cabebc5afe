using GpuTwin.Kernels.Runtime;
using GpuTwin.Tests.CollabMec.Refinement;
using GpuTwin.VecEnv.Scenarios.CollaborativeMec.Baselines;
using ILGPU;
using ILGPU.Runtime;

namespace GpuTwin.Tests.CollabMec.Baselines;

/// <summary>Runs one baseline on a <see cref="MecCase"/> and decodes its proto-action.</summary>
public sealed class BaselineBed : IDisposable
{
    /// <summary>Any stream id not used by the exogenous draws; the scenario passes its own RandomPolicy stream.</summary>
    public const int TestRandomStream = 9;

    private readonly MemoryBuffer1D<int, Stride1D.Dense> _slot, _episode;
    public RefinementBed Bed { get; }
    public MecBaseline Baseline { get; }

    public BaselineBed(ComputeDevice device, MecCase c, MecHeuristic heuristic, ulong seed = 1, int slot = 0, int episode = 0)
    {
        Bed = new RefinementBed(device, c);
        Baseline = new MecBaseline(device, heuristic, c.E, c.N, c.U, seed, TestRandomStream);
        _slot = device.Upload(Enumerable.Repeat(slot, c.E).ToArray());
        _episode = device.Upload(Enumerable.Repeat(episode, c.E).ToArray());
    }

    /// <summary>The baseline's proto-action â.</summary>
    public float[] Act()
    {
        Baseline.Act(Bed.Views, Bed.Proto.View, _slot.View, _episode.View);
        Bed.Device.Synchronize();
        return ((ArrayView<float>)Bed.Proto.View).GetAsArray();
    }

    public void SetClock(int slot, int episode)
    {
        _slot.View.CopyFromCPU(Enumerable.Repeat(slot, Bed.Case.E).ToArray());
        _episode.View.CopyFromCPU(Enumerable.Repeat(episode, Bed.Case.E).ToArray());
    }

    /// <summary>â, then Decode(â).</summary>
    public (float[] Proto, DecodeResult Result) ActAndDecode()
    {
        var proto = Act();
        return (proto, Bed.Decode(proto));
    }

    public void Dispose()
    {
        Baseline.Dispose();
        Bed.Dispose();
        _slot.Dispose();
        _episode.Dispose();
    }
}
