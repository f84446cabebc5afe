using GpuTwin.Kernels.Memory;
using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Scenarios.CollaborativeMec.Kernels;
using GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement;
using GpuTwin.VecEnv.Spaces;
using ILGPU;
using ILGPU.Runtime;
using static GpuTwin.VecEnv.Scenarios.CollaborativeMec.CollabMecParameters;

namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec;

/// <summary>
/// <c>collab-mec</c> (paper 002, INTO): N BSs with MEC servers and energy-harvesting IoT devices over E parallel
/// envs. Each slot one decision covers every task: offload or discard (x), processing BS (Target) and CPU (f),
/// made feasible by Algorithm 1 (<see cref="ActionRefinement"/>) from a proto-action [E, N, U_max, N + 2].
/// Two views of the same simulation (parameter <c>view</c>): one centralised agent (group <c>central</c>,
/// the paper's INTO) or one agent per BS (group <c>bs</c>, MA-INTO), whose actions concatenate in BS order into
/// the same proto-action buffer. Reward stream 0 is the income r(t); per-bs agent rewards are in
/// <see cref="AgentReward"/>. The global state is the central observation. Envs are truncated at T_ep (never
/// terminated) and auto-reset inside <see cref="Step"/> after their final observations are kept.
/// </summary>
public sealed class CollabMecEnv : SlotEnv
{
    public const string Id = "collab-mec";
    public const int AgentGroupIndex = 0;

    private readonly ActionRefinement _refinement;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _groupFinalObs;
    private CollabMecState _s;

    private readonly Kernel<CollabMecState, int> _resetClock, _resetDevices, _draw, _centralSlots, _centralTail, _bsSlots, _bsTail;
    private readonly Kernel<CollabMecState> _mask0, _outcome, _homeIncome, _rewardK, _battery, _count, _countEpisodeEnd, _clock, _episodeEnd;

    /// <summary>N_max and U_max of the padded buffers.</summary>
    public int NMax { get; }
    public int UMax { get; }
    public bool PerBsView { get; }
    public int CentralObsSize => _s.CentralObsSize;
    /// <summary>Proto-action values per env: N_max·U_max·(N_max + 2).</summary>
    public int ProtoLength => ActionRefinement.ProtoLength(NMax, UMax);

    /// <summary>Direct access to the SoA state (tests, traces, baselines, learners).</summary>
    public CollabMecState State => _s;
    /// <summary>The decoder the env steps with; baselines and tests may call it on the same views.</summary>
    public ActionRefinement Refinement => _refinement;

    /// <summary>Per-bs agent rewards [E, N_max] after <see cref="Step"/>: the shared income, or with RewardSplit = HomeIncome Σ_j g·Completed of the BS's own devices.</summary>
    public MemoryBuffer1D<float, Stride1D.Dense> AgentReward { get; }
    /// <summary>The group observation of envs truncated in the last step (o_{T_ep}), before their auto-reset.</summary>
    public MemoryBuffer1D<float, Stride1D.Dense> FinalObservation => _groupFinalObs;

    public CollabMecEnv(ComputeDevice device, ParameterGrid parameters) : base(device, parameters)
    {
        Validate(parameters);
        NMax = (int)parameters.Max("bs_count");
        UMax = 1;
        for (int b = 0; b < MaxBs; b++) UMax = Math.Max(UMax, (int)parameters.Max(Table.Defs[DevicesKey(b)].Key));
        PerBsView = (int)parameters.Value(0, View) == ViewPerBs;
        int features = Observations.BaseFeatures + (parameters.Value(0, ObsExtras) != 0 ? Observations.ExtraFeatures : 0);
        bool agentId = parameters.Value(0, AgentIdInObs) != 0;
        int centralSize = Observations.CentralSize(NMax, UMax, features);
        int bsSize = Observations.BsSize(NMax, UMax, features, agentId);
        int e = NumEnvs, n = NMax, en = e * n, ed = e * n * UMax, c = CollabMecCounters.Set.Count;
        // In the central view the one agent observes the global state itself (one buffer).
        AllocateOutputs(BuildSpec(n, UMax, PerBsView, centralSize, bsSize), observationIsGlobalState: !PerBsView);
        var A = Arena;
        var paramBlock = A.Upload(parameters.ToDeviceLayout());
        var bsObs = PerBsView ? Observation(AgentGroupIndex) : A.Alloc<float>(1);
        var bsFinal = PerBsView ? A.Alloc<float>((long)en * bsSize) : A.Alloc<float>(1);
        _groupFinalObs = PerBsView ? bsFinal : FinalGlobalState;
        AgentReward = A.Alloc<float>(en);

        var config = new CollabMecConfig(parameters, NMax, UMax);
        ArrayView<float> F(long len) => A.Alloc<float>(len).View;
        ArrayView<byte> B(long len) => A.Alloc<byte>(len).View;
        _s = new CollabMecState
        {
            NumEnvs = e, NMax = n, UMax = UMax, ParamCount = Table.Count, CounterCount = c,
            SlotFeatures = features, CentralObsSize = centralSize, BsObsSize = bsSize, AgentIdWidth = agentId ? n : 0,
            Params = paramBlock.View,
            BsActive = A.Upload(config.BsActive).View, DevActive = A.Upload(config.DevActive).View, CpuHz = A.Upload(config.CpuHz).View,
            WiredBps = A.Upload(config.WiredBps).View, BandwidthHz = A.Upload(config.PerEnv(BandwidthHzKey)).View,
            NoisePsd = A.Upload(config.PerEnv(NoisePsdKey)).View, GainMean = A.Upload(config.PerEnv(GainMeanKey)).View,
            GainScale = A.Upload(config.PerEnv(GainScaleKey)).View, HarvestScale = A.Upload(config.PerEnv(HarvestScaleKey)).View,
            SizeScale = A.Upload(config.PerEnv(SizeScaleKey)).View, DeadlineScale = A.Upload(config.PerEnv(DeadlineScaleKey)).View,
            AwardScale = A.Upload(config.AwardScale).View, DensityScale = A.Upload(config.DensityScale).View,
            P_lo = A.Upload(config.PerEnv(PLo)).View, P_hi = A.Upload(config.PerEnv(PHi)).View,
            BatteryInitMax = A.Upload(config.PerEnv(BatteryInitMaxJ)).View, BatteryCap = A.Upload(config.PerEnv(BatteryCapJ)).View,
            EpisodeLen = A.Upload(config.PerEnvInt(EpisodeSlots)).View,
            CpuMode = A.Upload(config.PerEnvInt(CpuModeKey)).View, CpuDropRule = A.Upload(config.PerEnvInt(CpuDropRuleKey)).View,
            TxPowerW = F(ed), BatteryJ = F(ed), SizeBits = F(ed), CyclesPerBit = F(ed), DeadlineS = F(ed), Award = F(ed),
            Gain = F(ed), HarvestJ = F(ed), Rate0Bps = F(ed),
            Slot = A.Alloc<int>(e).View, EpisodeIndex = A.Alloc<int>(e).View, EpisodeIncome = F(e),
            NnOffload = B(ed), Target = A.Alloc<sbyte>(ed).View, EnergyOk = B(ed), DemandHz = F(ed), Priority = F(ed),
            Offload = B(ed), AllocHz = F(ed), CellRxPowerW = F(en), BsDemandHz = F(en), BsWeight = F(en),
            DecoderCounters = F((long)e * RefinementCounters.Count),
            RateBps = F(ed), DelayS = F(ed), Completed = B(ed), UploadEnergyJ = F(ed),
            Proto = Actions(AgentGroupIndex).Continuous.View, ActionMask = ActionMask(AgentGroupIndex).View,
            CentralObs = GlobalState.View, BsObs = bsObs.View, FinalObs = _groupFinalObs.View, FinalCentralObs = FinalGlobalState.View,
            Reward = Reward(0).View, HomeIncome = F(en), AgentReward = AgentReward.View,
            Truncated = Truncated.View, Terminated = Terminated.View,
            StepCounters = StepCounters.View, CounterTotals = CounterTotals.View,
        };

        _refinement = new ActionRefinement(device);
        _resetClock = device.Load<CollabMecState, int>(EpisodeReset.ResetClockKernel);
        _resetDevices = device.Load<CollabMecState, int>(EpisodeReset.ResetDevicesKernel);
        _draw = device.Load<CollabMecState, int>(SlotDraws.DrawSlotKernel);
        _centralSlots = device.Load<CollabMecState, int>(Observations.CentralSlotsKernel);
        _centralTail = device.Load<CollabMecState, int>(Observations.CentralTailKernel);
        _bsSlots = device.Load<CollabMecState, int>(Observations.BsSlotsKernel);
        _bsTail = device.Load<CollabMecState, int>(Observations.BsTailKernel);
        _mask0 = device.Load<CollabMecState>(ActionMasks.ActionMaskKernel);
        _outcome = device.Load<CollabMecState>(TaskOutcome.TaskOutcomeKernel);
        _homeIncome = device.Load<CollabMecState>(Income.HomeIncomeKernel);
        _rewardK = device.Load<CollabMecState>(Income.RewardKernel);
        _battery = device.Load<CollabMecState>(Battery.BatteryKernel);
        _count = device.Load<CollabMecState>(Kernels.StepCounters.CountSlotKernel);
        _countEpisodeEnd = device.Load<CollabMecState>(Kernels.StepCounters.CountEpisodeEndKernel);
        _clock = device.Load<CollabMecState>(Clock.AdvanceClockKernel);
        _episodeEnd = device.Load<CollabMecState>(Clock.EpisodeEndKernel);
    }

    public static void Validate(ParameterGrid grid)
    {
        RequireTable(grid, Table, Id);
        CollabMecParameters.Validate(grid);
    }

    public static EnvSpec BuildSpec(int n, int uMax, bool perBs, int centralSize, int bsSize)
    {
        int slot = n + 2;
        var group = perBs
            ? new AgentGroup("bs", n, bsSize,
                new Box(uMax * slot, 0, 1, "per own device slot [x̂, ŷ_0..ŷ_{N−1}, ŵ]: offload score, BS scores, CPU weight (decoded jointly by Algorithm 1)"),
                uMax * slot, 0,
                "one BS (MA-INTO): observes its own devices, the global tail and summaries of the other BSs; acts for its own devices")
            : new AgentGroup("central", 1, centralSize,
                new Box(n * uMax * slot, 0, 1, "per device slot [x̂, ŷ_0..ŷ_{N−1}, ŵ]: offload score, BS scores, CPU weight (decoded by Algorithm 1)"),
                n * uMax * slot, 0,
                "the system's centralised agent (INTO): observes every device's task, channel and battery; decides all tasks each slot");
        return new EnvSpec(Id, [group], ["income"], centralSize, CollabMecCounters.Set);
    }

    public override void Reset(ulong seed)
    {
        _s.Seed = seed;
        ClearDoneFlags();
        int e = NumEnvs, ed = e * _s.DevicesPerEnv;
        _mask0(ed, _s);
        _resetClock(e, _s, 0);
        _resetDevices(ed, _s, 0);
        _draw(ed, _s, 0);
    }

    protected override void ObserveGroup(int group)
    {
        if (PerBsView) ObserveBs(0);
        else ObserveCentral(0);
    }

    private void ObserveCentral(int intoFinal)
    {
        _centralSlots(NumEnvs * _s.DevicesPerEnv, _s, intoFinal);
        _centralTail(NumEnvs, _s, intoFinal);
    }

    private void ObserveBs(int intoFinal)
    {
        _bsSlots(NumEnvs * _s.DevicesPerEnv, _s, intoFinal);
        _bsTail(NumEnvs * NMax, _s, intoFinal);
    }

    /// <summary>The central observation [E, CentralObsSize] into <see cref="SlotEnv.GlobalState"/> (in the central view the same buffer as the observation).</summary>
    public override void ObserveGlobal() => ObserveCentral(0);

    /// <summary>S3 decode (and the final rates R2), S5 delays, S6 completion, S7 income, S8 batteries, counters.</summary>
    public override void Resolve()
    {
        int e = NumEnvs, en = e * NMax, ed = e * _s.DevicesPerEnv;
        _refinement.Decode(_s.RefinementViews, _s.Proto, e);  // S3, S4
        _outcome(ed, _s);                                       // S5, S6
        _homeIncome(en, _s);                                    // S7
        _rewardK(e, _s);
        _battery(ed, _s);                                       // S8
        _count(e, _s);
    }

    /// <summary>S9: clock, next slot's draws, truncation with the final observations, auto-reset of truncated envs.</summary>
    public override void Advance()
    {
        int e = NumEnvs, ed = e * _s.DevicesPerEnv;
        _clock(e, _s);
        _draw(ed, _s, 0);          // slot t + 1 of the current episode, in every env
        _episodeEnd(e, _s);
        _countEpisodeEnd(e, _s);
        if (PerBsView) ObserveBs(1);
        ObserveCentral(1);         // o_{T_ep} and the final global state of truncated envs
        _resetClock(e, _s, 1);
        _resetDevices(ed, _s, 1);
        _draw(ed, _s, 1);          // slot 0 of the next episode
    }
}
