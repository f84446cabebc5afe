using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Scenarios.DtSyncMigration.Kernels;
using GpuTwin.VecEnv.Spaces;
using ILGPU;
using ILGPU.Runtime;
using static GpuTwin.VecEnv.Scenarios.DtSyncMigration.DtSyncParameters;

namespace GpuTwin.VecEnv.Scenarios.DtSyncMigration;

/// <summary>
/// <c>dt-sync</c> (paper 003): two-timescale DT synchronisation and migration over E parallel envs.
/// Groups act in the order MU → CC → BS within a slot (spec §6); MU and BS agents are rewarded with r_g
/// (stream 0), the CC with r_c (stream 1).
/// </summary>
public sealed class DtSyncEnv : SlotEnv
{
    public const string Id = "dt-sync";
    public const int MuGroup = 0, CcGroup = 1, BsGroup = 2;

    private readonly MemoryBuffer1D<float, Stride1D.Dense> _bsPos;
    private DtSyncState _s;

    // Kernels, loaded once.
    private readonly Kernel<DtSyncState, int> _reset, _globalState;
    private readonly Kernel<DtSyncState> _drawSlot, _observeMu, _observeCc, _observeBs, _applyMu, _placement,
        _uplink, _shares, _outcome, _ccReward, _count, _countEpisodeEnd, _move, _clock;

    public int KMax { get; }
    public int MMax { get; }

    /// <summary>Direct access to the SoA state (tests, traces, baselines).</summary>
    public DtSyncState State => _s;

    public DtSyncEnv(ComputeDevice device, ParameterGrid parameters) : base(device, parameters)
    {
        Validate(parameters);
        KMax = (int)parameters.Max("K");
        MMax = (int)parameters.Max("M");
        int e = NumEnvs, k = KMax, m = MMax, c = DtSyncCounters.Set.Count;
        int muObs = Observations.MuSize(m), ccObs = Observations.CcSize(k, m), bsObs = Observations.BsSize(k, m);
        AllocateOutputs(BuildSpec(k, m, muObs, ccObs, bsObs, Observations.GlobalSize(k, m)));
        var A = Arena;
        var paramBlock = A.Upload(parameters.ToDeviceLayout());
        _bsPos = A.Alloc<float>(e * m * 2);
        _s = new DtSyncState
        {
            NumEnvs = e, KMax = k, MMax = m, ParamCount = DtSyncParameters.Table.Count, CounterCount = c,
            MuObsSize = muObs, BsObsSize = bsObs, CcObsSize = ccObs, GlobalSize = Spec.GlobalStateSize,
            Params = paramBlock.View, BsPos = _bsPos.View,
            PosX = A.Alloc<float>(e * k).View, PosY = A.Alloc<float>(e * k).View,
            Speed = A.Alloc<float>(e * k).View, Heading = A.Alloc<float>(e * k).View,
            MeanSpeed = A.Alloc<float>(e * k).View, MeanHeading = A.Alloc<float>(e * k).View,
            Slot = A.Alloc<int>(e).View, EpisodeIndex = A.Alloc<int>(e).View,
            Requested = A.Alloc<byte>(e * k).View, DataBits = A.Alloc<float>(e * k).View,
            CyclesPerBit = A.Alloc<float>(e * k).View, DeadlineS = A.Alloc<float>(e * k).View,
            Gain = A.Alloc<float>(e * k * m).View, Assoc = A.Alloc<int>(e * k).View,
            TxPowerW = A.Alloc<float>(e * k).View, Transmitting = A.Alloc<byte>(e * k).View,
            Sinr = A.Alloc<float>(e * k).View, RateBps = A.Alloc<float>(e * k).View,
            CpuHz = A.Alloc<float>(e * k).View, WiredBps = A.Alloc<float>(e * k).View,
            DelayS = A.Alloc<float>(e * k).View, Failed = A.Alloc<byte>(e * k).View,
            Blocked = A.Alloc<byte>(e * k).View, EnergyJ = A.Alloc<float>(e * k).View,
            DtHost = A.Alloc<int>(e * k).View, DtHostPrev = A.Alloc<int>(e * k).View,
            DtProposal = A.Alloc<int>(e * k).View, MigCountdown = A.Alloc<int>(e * k).View,
            VQueue = A.Alloc<float>(e * k).View, VQueueFrame = A.Alloc<float>(e * k).View,
            DtLastSyncSlot = A.Alloc<int>(e * k).View, FrameMigrations = A.Alloc<int>(e).View,
            RxTotalW = A.Alloc<float>(e * m).View, CpuShareSum = A.Alloc<float>(e * m).View,
            WiredShareSum = A.Alloc<float>(e * m * m).View, CfCpuShareSum = A.Alloc<float>(e * m).View,
            CfWiredShareSum = A.Alloc<float>(e * m * m).View,
            MuAssocAction = Actions(MuGroup).Discrete.View, MuPowerAction = Actions(MuGroup).Continuous.View,
            CcProposalAction = Actions(CcGroup).Discrete.View, BsShareAction = Actions(BsGroup).Continuous.View,
            MuMask = ActionMask(MuGroup).View, CcMask = ActionMask(CcGroup).View, BsMask = ActionMask(BsGroup).View,
            MuObs = Observation(MuGroup).View, CcObs = Observation(CcGroup).View, BsObs = Observation(BsGroup).View,
            Global = GlobalState.View, FinalGlobal = FinalGlobalState.View,
            RewardGlobal = Reward(0).View, RewardCenter = Reward(1).View,
            Truncated = Truncated.View, Terminated = Terminated.View,
            StepCounters = StepCounters.View, CounterTotals = CounterTotals.View,
        };

        _reset = device.Load<DtSyncState, int>(EpisodeReset.ResetKernel);
        _globalState = device.Load<DtSyncState, int>(Observations.GlobalStateKernel);
        _drawSlot = device.Load<DtSyncState>(SlotDraws.DrawSlotKernel);
        _observeMu = device.Load<DtSyncState>(Observations.ObserveMuKernel);
        _observeCc = device.Load<DtSyncState>(Observations.ObserveCcKernel);
        _observeBs = device.Load<DtSyncState>(Observations.ObserveBsKernel);
        _applyMu = device.Load<DtSyncState>(MuActions.ApplyMuActionsKernel);
        _placement = device.Load<DtSyncState>(DtPlacement.ApplyPlacementKernel);
        _uplink = device.Load<DtSyncState>(Uplink.UplinkKernel);
        _shares = device.Load<DtSyncState>(ResourceShares.AllocateSharesKernel);
        _outcome = device.Load<DtSyncState>(SyncOutcome.SyncOutcomeKernel);
        _ccReward = device.Load<DtSyncState>(ControlCenterReward.ControlCenterRewardKernel);
        _count = device.Load<DtSyncState>(SlotCounters.CountSlotKernel);
        _countEpisodeEnd = device.Load<DtSyncState>(SlotCounters.CountEpisodeEndKernel);
        _move = device.Load<DtSyncState>(MuMobility.MoveMusKernel);
        _clock = device.Load<DtSyncState>(Clock.AdvanceClockKernel);
    }

    public static void Validate(ParameterGrid grid)
    {
        RequireTable(grid, DtSyncParameters.Table, Id);
        DtSyncParameters.Validate(grid);
    }

    public static EnvSpec BuildSpec(int k, int m, int muObs, int ccObs, int bsObs, int global) => new(
        Id,
        [
            new AgentGroup("mu", k, muObs,
                new Hybrid(new Discrete(m, "serving BS α"), new Box(1, 0, 1, "transmit power p/P_max")), 1, 0,
                "mobile user: picks its BS and transmit power for this slot's sync request"),
            new AgentGroup("cc", 1, ccObs, new MultiDiscrete(k, m, "proposed DT host β̃ per MU (applied at frame starts)"), k, 1,
                "control center: proposes every DT's server each slot; takes effect once per frame"),
            new AgentGroup("bs", m, bsObs, new Box(2 * k, 0, 1, "wired shares of MUs 0..K-1, then CPU shares"), 2 * k, 0,
                "base station / MEC server: splits its wired rate and CPU among MUs"),
        ],
        ["global", "center"],
        global,
        DtSyncCounters.Set);

    public override void Reset(ulong seed)
    {
        _s.Seed = seed;
        UploadBsLayout(seed);
        ClearDoneFlags();
        _reset(NumEnvs, _s, 0);
        _drawSlot(NumEnvs, _s);
    }

    private void UploadBsLayout(ulong seed)
    {
        var data = new float[NumEnvs * MMax * 2];
        for (int e = 0; e < NumEnvs; e++)
        {
            int m = (int)Parameters.Value(e, DtSyncParameters.M);
            float w = (float)Parameters.Value(e, AreaM);
            var pts = (int)Parameters.Value(e, BsLayout) == LayoutRandomFixed
                ? DtSyncBsLayout.RandomFixed(m, w, seed, e)
                : DtSyncBsLayout.Symmetric(m, w);
            for (int j = 0; j < m; j++)
            {
                data[(e * MMax + j) * 2] = pts[j].X;
                data[(e * MMax + j) * 2 + 1] = pts[j].Y;
            }
        }
        _bsPos.View.CopyFromCPU(data);
    }

    protected override void ObserveGroup(int group)
    {
        switch (group)
        {
            case MuGroup: _observeMu(NumEnvs, _s); break;
            case CcGroup: _observeCc(NumEnvs, _s); break;
            case BsGroup: _observeBs(NumEnvs, _s); break;
        }
    }

    public override void ObserveGlobal() => _globalState(NumEnvs, _s, 0);

    /// <summary>The slot itself (S2–S14 of spec §6 and metrics); afterwards the per-MU fields describe this slot (used by traces).</summary>
    public override void Resolve()
    {
        int n = NumEnvs;
        _applyMu(n, _s);        // S2
        _placement(n, _s);      // S3
        _uplink(n, _s);         // S4, S6, S7 (S5's gains were drawn when the slot began)
        _shares(n, _s);         // S8
        _outcome(n, _s);        // S9–S14
        _ccReward(n, _s);       // eqs. 26–27
        _count(n, _s);          // per-step metrics
    }

    /// <summary>S15–S17: mobility, clock, auto-reset of truncated envs and the next slot's draws.</summary>
    public override void Advance()
    {
        int n = NumEnvs;
        _move(n, _s);           // S15
        _clock(n, _s);          // S16–S17
        _countEpisodeEnd(n, _s);
        _globalState(n, _s, 1); // keep the final state of truncated envs for bootstrapping
        _reset(n, _s, 1);       // auto-reset (masked, in-kernel)
        _drawSlot(n, _s);       // S1 of the next slot
    }
}
