using GpuTwin.Kernels.Memory;
using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Scenarios.IotMigration.Authentication;
using GpuTwin.VecEnv.Scenarios.IotMigration.Kernels;
using GpuTwin.VecEnv.Spaces;
using ILGPU;
using ILGPU.Runtime;
using static GpuTwin.VecEnv.Scenarios.IotMigration.IotMigrationParameters;

namespace GpuTwin.VecEnv.Scenarios.IotMigration;

/// <summary>
/// <c>iot-migration</c> (paper 001): DT-empowered partial offloading and service migration with certificate
/// authentication, over E parallel envs. One agent group (<c>user</c>, U_max agents) picks per task one of
/// 1 + 2(L − 1) actions (LOCAL, STAY with θ, MIGRATE with θ). Reward stream 0 is the mean r_i of the env's
/// requesters; the per-user r_i is <see cref="IotMigrationState.UserReward"/>. Episodes are truncated after H
/// slots and auto-reset inside <see cref="Step"/>, after the final tabular states (FinalObsIl/FinalObsJal) and
/// the final global state were kept. Authentication runs on the host at each reset (<see cref="IotMigrationJoinPass"/>);
/// kernels see only the verdict bytes.
/// </summary>
public sealed class IotMigrationEnv : SlotEnv
{
    public const string Id = "iot-migration";
    public const int UserGroup = 0;

    private readonly MemoryBuffer1D<float, Stride1D.Dense> _serverPos;
    private readonly ICredentialAuthority _authority;
    private readonly bool _ownsAuthority;
    private readonly IotMigrationJoinPass _join;
    private IotMigrationState _s;
    /// <summary>Slots simulated since construction: t_v = SimEpoch + this·Δt (spec §6.A.1).</summary>
    private long _globalSlot;
    private int _episode, _slot;

    private readonly Kernel<IotMigrationState, int> _reset, _global;
    private readonly Kernel<IotMigrationState> _order, _decide, _authGate, _uplink, _latency, _rewardK, _count, _advance,
        _captureFinal, _countEpisodeEnd, _observe;

    /// <summary>Padded users per env: the batch maximum of ρ·N.</summary>
    public int UMax { get; }
    /// <summary>Padded servers per env (N_max).</summary>
    public int NumServers { get; }
    /// <summary>Actions of the widest θ grid of the batch, 1 + 2(L_max − 1).</summary>
    public int NumActions { get; }
    /// <summary>H: slots per episode (one value per batch).</summary>
    public int EpisodeSlots { get; }
    /// <summary>The seed of the last <see cref="Reset"/>.</summary>
    public ulong Seed => _s.Seed;
    public ICredentialAuthority Authority => _authority;

    /// <summary>Direct access to the SoA state (tests, traces, baselines, learners).</summary>
    public IotMigrationState State => _s;

    public IotMigrationEnv(ComputeDevice device, ParameterGrid parameters, ICredentialAuthority authority, bool ownsAuthority = false)
        : base(device, parameters)
    {
        RequireTable(parameters, Table, Id);
        IotMigrationParameters.Validate(parameters, authority.PoolGood);
        _authority = authority;
        _ownsAuthority = ownsAuthority;
        int cells = parameters.Cells;
        UMax = Enumerable.Range(0, cells).Max(c => (int)(parameters.CellValue(c, UsersPerServer) * parameters.CellValue(c, Servers)));
        NumServers = (int)parameters.Max("servers");
        NumActions = IotMigrationRules.NumActions((int)parameters.Max("theta_levels"));
        EpisodeSlots = (int)parameters.Value(0, IotMigrationParameters.EpisodeSlots);
        _join = new IotMigrationJoinPass(authority, parameters, UMax, NumServers);

        int e = NumEnvs, u = UMax, n = NumServers, c = IotMigrationCounters.Set.Count;
        long uu = (long)e * u, en = (long)e * n;
        int globalSize = Observations.GlobalSize(n);
        AllocateOutputs(BuildSpec(u, NumActions, globalSize));
        var A = Arena;
        var paramBlock = A.Upload(parameters.ToDeviceLayout());
        _serverPos = A.Alloc<float>(en * 2);
        ArrayView<float> F(long len) => A.Alloc<float>(len).View;
        ArrayView<int> I(long len) => A.Alloc<int>(len).View;
        ArrayView<byte> B(long len) => A.Alloc<byte>(len).View;
        _s = new IotMigrationState
        {
            NumEnvs = e, UMax = u, NMax = n, ParamCount = Table.Count, CounterCount = c, ObsSize = Observations.ObsSize,
            GlobalSize = globalSize, JoinWidth = IotMigrationCounters.JoinWidth,
            Params = paramBlock.View, ServerPos = _serverPos.View, UserActive = B(uu), ServerActive = B(en),
            PosX = F(uu), PosY = F(uu), Speed = F(uu), Heading = F(uu), Lambda = F(uu), Requested = B(uu), TaskBits = F(uu),
            Serving = I(uu), Target = I(uu), DServing = F(uu), DistRatio = F(uu), Gain = F(uu * n),
            AuthOk = B(uu), AuthReason = B(uu), CredIndex = I(uu), SessionMask = A.Alloc<uint>(uu).View, Refused = B(uu),
            RefusedNow = B(uu), Attempted = B(uu),
            OrderOffset = I(e), Order = I(uu), NReq = I(e), ReqServing = I(en), Commit = I(en),
            ActionIn = Actions(UserGroup).Discrete.View, Action = B(uu), ActionEff = B(uu), Context = B(uu), Decided = B(uu),
            ActionMask = ActionMask(UserGroup).View,
            TxFlag = B(uu), Outage = B(uu), Sinr = F(uu), RateBps = F(uu), RecvPowerW = F(en), Load = I(en),
            Handshakes = B(uu), HandshakeS = F(uu), TLocal = F(uu), TTrans = F(uu), TExe = F(uu), TMig = F(uu), TExe2 = F(uu),
            TProc = F(uu), UserReward = F(uu), ClusterReward = F(en),
            ObsIl = B(uu), ObsJal = I(uu), FinalObsIl = B(uu), FinalObsJal = I(uu),
            Obs = Observation(UserGroup).View, Global = GlobalState.View, FinalGlobal = FinalGlobalState.View,
            Slot = I(e), Episode = I(e), RewardEnv = Reward(0).View, Truncated = Truncated.View, Terminated = Terminated.View,
            StepCounters = StepCounters.View, CounterTotals = CounterTotals.View,
            JoinCounts = F((long)e * IotMigrationCounters.JoinWidth),
        };

        _reset = device.Load<IotMigrationState, int>(EpisodeReset.ResetKernel);
        _global = device.Load<IotMigrationState, int>(Observations.GlobalStateKernel);
        _order = device.Load<IotMigrationState>(DecisionOrder.OrderKernel);
        _decide = device.Load<IotMigrationState>(Decisions.DecideKernel);
        _authGate = device.Load<IotMigrationState>(AuthGate.AuthGateKernel);
        _uplink = device.Load<IotMigrationState>(Uplink.UplinkKernel);
        _latency = device.Load<IotMigrationState>(Latency.LatencyKernel);
        _rewardK = device.Load<IotMigrationState>(Rewards.RewardKernel);
        _count = device.Load<IotMigrationState>(SlotCounters.CountSlotKernel);
        _advance = device.Load<IotMigrationState>(Mobility.AdvanceKernel);
        _captureFinal = device.Load<IotMigrationState>(Observations.CaptureFinalKernel);
        _countEpisodeEnd = device.Load<IotMigrationState>(SlotCounters.CountEpisodeEndKernel);
        _observe = device.Load<IotMigrationState>(Observations.ObserveKernel);
    }

    public static EnvSpec BuildSpec(int uMax, int numActions, int globalSize) => new(
        Id,
        [
            new AgentGroup("user", uMax, Observations.ObsSize,
                new Discrete(numActions, "0 = local; 1..L-1 = stay with θ = 0, 1/(L-1), ...; L..2L-2 = migrate with the same θ grid"),
                1, 0,
                "IoT user's digital twin: decides each new task (spec §5.3 observation: position, distance ratio, task size, request counts, auth flags)"),
        ],
        ["requesters"],
        globalSize,
        IotMigrationCounters.Set);

    public override void Reset(ulong seed)
    {
        _s.Seed = seed;
        // The certificate clock t_v runs over the env object's whole life (training, then evaluation resets).
        _episode = 0;
        _slot = 0;
        UploadServerLayout(seed);
        ClearDoneFlags();
        _reset(NumEnvs, _s, 0);
        Join();
        _order(NumEnvs, _s);
    }

    private void Join()
    {
        Device.Synchronize();
        _join.Run(_s, _s.Seed, _episode, _globalSlot * Parameters.Value(0, SlotS));
    }

    private void UploadServerLayout(ulong seed)
    {
        var data = new float[NumEnvs * NumServers * 2];
        for (int e = 0; e < NumEnvs; e++)
        {
            int n = (int)Parameters.Value(e, Servers);
            float w = (float)Parameters.Value(e, AreaM);
            var pts = IotMigrationServerLayout.Sites((int)Parameters.Value(e, ServerLayout), n, w, seed, e);
            for (int m = 0; m < n; m++)
            {
                data[(e * NumServers + m) * 2] = pts[m].X;
                data[(e * NumServers + m) * 2 + 1] = pts[m].Y;
            }
        }
        _serverPos.View.CopyFromCPU(data);
    }

    protected override void ObserveGroup(int group) => _observe(NumEnvs, _s);

    public override void ObserveGlobal() => _global(NumEnvs, _s, 0);

    /// <summary>S3–S10 of the slot; afterwards the per-user outcome fields describe this slot (used by traces).</summary>
    public override void Resolve()
    {
        int n = NumEnvs;
        _decide(n, _s);    // S3 walk: contexts, chosen actions, commits
        _authGate(n, _s);  // S4
        _uplink(n, _s);    // S5–S6
        _latency(n, _s);   // S7–S8
        _rewardK(n, _s);   // S9
        _count(n, _s);     // S10
    }

    /// <summary>S11–S12: move, redraws, the DT view of t + 1, truncation, final views, auto-reset, join pass, decision order.</summary>
    public override void Advance()
    {
        int n = NumEnvs;
        _advance(n, _s);
        _countEpisodeEnd(n, _s);
        _captureFinal(n, _s);
        _global(n, _s, 1);
        _globalSlot++;
        _slot++;
        if (_slot >= EpisodeSlots)
        {
            _reset(n, _s, 1);
            _slot = 0;
            _episode++;
            Join();
        }
        _order(n, _s);
    }

    public override void Dispose()
    {
        base.Dispose();
        if (_ownsAuthority) _authority.Dispose();
    }
}
