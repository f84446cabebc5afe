using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement;
using ILGPU;
using ILGPU.Runtime;

namespace GpuTwin.Tests.CollabMec.Refinement;

/// <summary>What the decoder left in the views, read back to the host.</summary>
public sealed class DecodeResult
{
    public byte[] NnOffload = [], EnergyOk = [], Offload = [];
    public sbyte[] Target = [];
    public float[] DemandHz = [], Priority = [], AllocHz = [], RateBps = [], CellRxPowerW = [], BsDemandHz = [], BsWeight = [], Counters = [];

    /// <summary>Every output as one float vector, for bit-identity comparisons.</summary>
    public float[] Flat() =>
        NnOffload.Select(x => (float)x).Concat(EnergyOk.Select(x => (float)x)).Concat(Offload.Select(x => (float)x))
            .Concat(Target.Select(x => (float)x)).Concat(DemandHz).Concat(Priority).Concat(AllocHz).Concat(RateBps)
            .Concat(CellRxPowerW).Concat(BsDemandHz).Concat(BsWeight).Concat(Counters).ToArray();

    public float Counter(int e, int column) => Counters[e * RefinementCounters.Count + column];
}

/// <summary>Device buffers for one <see cref="MecCase"/>: the decoder's views, a proto-action buffer, and read-back.</summary>
public sealed class RefinementBed : IDisposable
{
    private readonly List<IDisposable> _buffers = [];
    public ComputeDevice Device { get; }
    public MecCase Case { get; }
    public RefinementViews Views { get; }
    public MemoryBuffer1D<float, Stride1D.Dense> Proto { get; }
    public ActionRefinement Decoder { get; }

    public RefinementBed(ComputeDevice device, MecCase c, ActionRefinement? decoder = null)
    {
        Device = device;
        Case = c;
        int dev = c.E * c.Slots, bs = c.E * c.N;
        Views = new RefinementViews
        {
            N = c.N,
            UMax = c.U,
            BsActive = Up(c.BsActive),
            DevActive = Up(c.DevActive),
            CpuHz = Up(c.CpuHz),
            WiredBps = Up(c.WiredBps),
            BandwidthHz = Up(c.BandwidthHz),
            NoisePsd = Up(c.NoisePsd),
            CpuMode = Up(c.CpuMode),
            CpuDropRule = Up(c.CpuDropRule),
            TxPowerW = Up(c.TxPowerW),
            BatteryJ = Up(c.BatteryJ),
            SizeBits = Up(c.SizeBits),
            CyclesPerBit = Up(c.CyclesPerBit),
            DeadlineS = Up(c.DeadlineS),
            Award = Up(c.Award),
            Gain = Up(c.Gain),
            NnOffload = Zeros<byte>(dev),
            Target = Zeros<sbyte>(dev),
            EnergyOk = Zeros<byte>(dev),
            DemandHz = Zeros<float>(dev),
            Priority = Zeros<float>(dev),
            Offload = Zeros<byte>(dev),
            AllocHz = Zeros<float>(dev),
            CellRxPowerW = Zeros<float>(bs),
            RateBps = Zeros<float>(dev),
            BsDemandHz = Zeros<float>(bs),
            BsWeight = Zeros<float>(bs),
            Counters = Zeros<float>(c.E * RefinementCounters.Count),
        };
        Proto = device.Allocate<float>(c.ProtoLength);
        _buffers.Add(Proto);
        Decoder = decoder ?? new ActionRefinement(device);
    }

    private ArrayView<T> Up<T>(T[] data) where T : unmanaged
    {
        var b = Device.Upload(data);
        _buffers.Add(b);
        return b.View;
    }

    private ArrayView<T> Zeros<T>(long n) where T : unmanaged
    {
        var b = Device.Allocate<T>(n);
        _buffers.Add(b);
        return b.View;
    }

    /// <summary>Copies the case's device state (after the host changed it) into the views.</summary>
    public void UploadState()
    {
        var c = Case;
        var v = Views;
        v.BatteryJ.CopyFromCPU(c.BatteryJ);
        v.SizeBits.CopyFromCPU(c.SizeBits);
        v.CyclesPerBit.CopyFromCPU(c.CyclesPerBit);
        v.DeadlineS.CopyFromCPU(c.DeadlineS);
        v.Award.CopyFromCPU(c.Award);
        v.Gain.CopyFromCPU(c.Gain);
        v.TxPowerW.CopyFromCPU(c.TxPowerW);
    }

    public DecodeResult Decode(float[] proto)
    {
        Proto.View.SubView(0, proto.Length).CopyFromCPU(proto);
        Decoder.Decode(Views, Proto.View, Case.E);
        Device.Synchronize();
        return Read();
    }

    public DecodeResult Read()
    {
        var v = Views;
        return new DecodeResult
        {
            NnOffload = v.NnOffload.GetAsArray(),
            EnergyOk = v.EnergyOk.GetAsArray(),
            Offload = v.Offload.GetAsArray(),
            Target = v.Target.GetAsArray(),
            DemandHz = v.DemandHz.GetAsArray(),
            Priority = v.Priority.GetAsArray(),
            AllocHz = v.AllocHz.GetAsArray(),
            RateBps = v.RateBps.GetAsArray(),
            CellRxPowerW = v.CellRxPowerW.GetAsArray(),
            BsDemandHz = v.BsDemandHz.GetAsArray(),
            BsWeight = v.BsWeight.GetAsArray(),
            Counters = v.Counters.GetAsArray(),
        };
    }

    public void Dispose()
    {
        foreach (var b in _buffers) b.Dispose();
    }
}
