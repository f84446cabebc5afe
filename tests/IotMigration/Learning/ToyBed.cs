using GpuTwin.Kernels.Runtime;
using GpuTwin.Training.Tabular;
using ILGPU;
using ILGPU.Runtime;

namespace GpuTwin.Tests.IotMigration.Learning;

/// <summary>
/// A hand-laid env view (E envs × U users × N servers) on plain buffers: the tests set the host arrays, push them,
/// run a learner kernel and read the actions and tables back.
/// </summary>
internal sealed class ToyBed : IDisposable
{
    private readonly List<MemoryBuffer> _buffers = [];

    public ComputeDevice Device { get; }
    public int E { get; }
    public int U { get; }
    public int N { get; }

    public byte[] UserActive, Requested, Refused, ObsIl, FinalObsIl, Truncated, EdgeOnly;
    public int[] Serving, Target, ObsJal, FinalObsJal, Order, NReq, Episode, Slot, Actions, ThetaLevels;
    public float[] UserReward;

    private readonly MemoryBuffer1D<int, Stride1D.Dense> _actions;
    private TabularEnvView _view;

    public ToyBed(DeviceKind kind, int envs, int users, int servers, ulong seed = 5)
    {
        Device = ComputeDevice.Create(kind);
        E = envs; U = users; N = servers;
        int eu = envs * users;
        UserActive = Fill<byte>(eu, 1); Requested = Fill<byte>(eu, 1); Refused = new byte[eu];
        ObsIl = new byte[eu]; FinalObsIl = new byte[eu]; Truncated = new byte[envs]; EdgeOnly = new byte[envs];
        Serving = new int[eu]; Target = new int[eu]; ObsJal = new int[eu]; FinalObsJal = new int[eu];
        Order = new int[eu]; NReq = new int[envs]; Episode = new int[envs]; Slot = new int[envs]; Actions = new int[eu];
        ThetaLevels = Fill(envs, 5);
        UserReward = new float[eu];
        for (int e = 0; e < envs; e++)
        {
            NReq[e] = users;
            for (int i = 0; i < users; i++) Order[e * users + i] = i;
        }
        _actions = Device.Allocate<int>(eu);
        _buffers.Add(_actions);
        _view = new TabularEnvView { NumEnvs = envs, UMax = users, NMax = servers, Seed = seed };
        Push();
    }

    private static T[] Fill<T>(int n, T value) => Enumerable.Repeat(value, n).ToArray();

    private ArrayView<T> Up<T>(T[] data) where T : unmanaged
    {
        var b = Device.Upload(data);
        _buffers.Add(b);
        return b.View;
    }

    /// <summary>Uploads every host array (fresh buffers; the action buffer is kept).</summary>
    public void Push()
    {
        _view.UserActive = Up(UserActive); _view.Requested = Up(Requested); _view.Refused = Up(Refused);
        _view.Serving = Up(Serving); _view.Target = Up(Target);
        _view.ObsIl = Up(ObsIl); _view.ObsJal = Up(ObsJal); _view.FinalObsIl = Up(FinalObsIl); _view.FinalObsJal = Up(FinalObsJal);
        _view.Order = Up(Order); _view.NReq = Up(NReq); _view.Episode = Up(Episode); _view.Slot = Up(Slot);
        _view.Truncated = Up(Truncated); _view.UserReward = Up(UserReward);
        _view.ThetaLevels = Up(ThetaLevels); _view.MigrateAtEdgeOnly = Up(EdgeOnly);
        _view.Actions = _actions.View;
    }

    public TabularEnvView View => _view;

    public int[] ReadActions()
    {
        Device.Synchronize();
        return _actions.GetAsArray1D();
    }

    public TabularLearner Learner(TabularOptions options) => new(Device, E, U, N, 9, options);

    public void Dispose()
    {
        foreach (var b in _buffers) b.Dispose();
        Device.Dispose();
    }
}
