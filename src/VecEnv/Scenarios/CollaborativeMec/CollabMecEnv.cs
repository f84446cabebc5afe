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
public sealed class CollabMecEnv : ISlotEnv
{
    public const string Id = "collab-mec";
    public const int AgentGroupIndex = 0;

    private readonly BufferArena _arena;
    private readonly ActionRefinement _refinement;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _groupObs, _groupFinalObs, _reward;
    private readonly ActionBuffers _actions;
    private readonly MemoryBuffer1D<byte, Stride1D.Dense> _mask;
    private CollabMecState _s;

    private readonly Kernel<CollabMecState, int> _resetClock, _resetDevices, _draw, _centralSlots, _centralTail, _bsSlots, _bsTail;
    private readonly Kernel<CollabMecState> _mask0, _outcome, _homeIncome, _rewardK, _battery, _count, _countEpisodeEnd, _clock, _episodeEnd;

    public EnvSpec Spec { get; }
    public int NumEnvs { get; }
    public ComputeDevice Device { get; }
    public ParameterGrid Parameters { get; }
    /// <summary>N_max and U_max of the padded buffers.</summary>
    public int NMax { get; }
    public int UMax { get; }
    public bool PerBsView { get; }
    public int CentralObsSize => _s.CentralObsSize;
    /// <summary>Proto-action values per env: N_max·U_max·(N_max + 2).</summary>
    public int ProtoLength => ActionRefinement.ProtoLength(NMax, UMax);
    public long StateBytes => _arena.TotalBytes;

    /// <summary>Direct access to the SoA state (tests, traces, baselines, learners).</summary>
    public CollabMecState State => _s;
    /// <summary>The decoder the env steps with; baselines and tests may call it on the same views.</summary>
    public ActionRefinement Refinement => _refinement;

    /// <summary>Per-bs agent rewards [E, N_max] after <see cref="Step"/>: the shared income, or with RewardSplit = HomeIncome Σ_j g·Completed of the BS's own devices.</summary>
    public MemoryBuffer1D<float, Stride1D.Dense> AgentReward { get; }
    /// <summary>The group observation of envs truncated in the last step (o_{T_ep}), before their auto-reset.</summary>
    public MemoryBuffer1D<float, Stride1D.Dense> FinalObservation => _groupFinalObs;

    public CollabMecEnv(ComputeDevice device, ParameterGrid parameters)
    {
        Validate(parameters);
        Device = device;
        Parameters = parameters;
        NumEnvs = parameters.NumEnvs;
        NMax = (int)parameters.Max("bs_count");
        UMax = 1;
        for (int b = 0; b < MaxBs; b++) UMax = Math.Max(UMax, (int)parameters.Max(Table.Defs[DevicesKey(b)].Key));
        PerBsView = (int)parameters.Value(0, View) == ViewPerBs;
        int features = Observations.BaseFeatures + (parameters.Value(0, ObsExtras) != 0 ? Observations.ExtraFeatures : 0);
        bool agentId = parameters.Value(0, AgentIdInObs) != 0;
        int centralSize = Observations.CentralSize(NMax, UMax, features);
        int bsSize = Observations.BsSize(NMax, UMax, features, agentId);
        int e = NumEnvs, n = NMax, en = e * n, ed = e * n * UMax, c = CollabMecCounters.Set.Count;
        _arena = new BufferArena(device);
        var A = _arena;
        var paramBlock = device.Upload(parameters.ToDeviceLayout());
        A.Adopt(paramBlock);
        var proto = A.Alloc<float>((long)ed * (n + 2));
        _actions = new ActionBuffers(A.Alloc<int>(1), proto, 0, PerBsView ? UMax * (n + 2) : ProtoLength);
        _mask = A.Alloc<byte>((long)ed * (n + 2));
        var centralObs = A.Alloc<float>((long)e * centralSize);
        var finalCentral = A.Alloc<float>((long)e * centralSize);
        var bsObs = PerBsView ? A.Alloc<float>((long)en * bsSize) : A.Alloc<float>(1);
        var bsFinal = PerBsView ? A.Alloc<float>((long)en * bsSize) : A.Alloc<float>(1);
        _groupObs = PerBsView ? bsObs : centralObs;
        _groupFinalObs = PerBsView ? bsFinal : finalCentral;
        GlobalState = centralObs;
        FinalGlobalState = finalCentral;
        _reward = A.Alloc<float>(e);
        AgentReward = A.Alloc<float>(en);
        Truncated = A.Alloc<byte>(e);
        Terminated = A.Alloc<byte>(e);
        StepCounters = A.Alloc<float>(e * c);
        CounterTotals = A.Alloc<double>(e * c);

        var config = new CollabMecConfig(parameters, NMax, UMax);
        MemoryBuffer1D<T, Stride1D.Dense> Up<T>(T[] data) where T : unmanaged { var b = device.Upload(data); A.Adopt(b); return b; }
        ArrayView<float> F(long len) => A.Alloc<float>(len).View;
        ArrayView<byte> B(long len) => A.Alloc<byte>(len).View;
        _s = new CollabMecState
        {
            NumEnvs = e, NMax = n, UMax = UMax, ParamCount = Table.Count, CounterCount = c,
            SlotFeatures = features, CentralObsSize = centralSize, BsObsSize = bsSize, AgentIdWidth = agentId ? n : 0,
            Params = paramBlock.View,
            BsActive = Up(config.BsActive).View, DevActive = Up(config.DevActive).View, CpuHz = Up(config.CpuHz).View,
            WiredBps = Up(config.WiredBps).View, BandwidthHz = Up(config.PerEnv(BandwidthHzKey)).View,
            NoisePsd = Up(config.PerEnv(NoisePsdKey)).View, GainMean = Up(config.PerEnv(GainMeanKey)).View,
            GainScale = Up(config.PerEnv(GainScaleKey)).View, HarvestScale = Up(config.PerEnv(HarvestScaleKey)).View,
            SizeScale = Up(config.PerEnv(SizeScaleKey)).View, DeadlineScale = Up(config.PerEnv(DeadlineScaleKey)).View,
            AwardScale = Up(config.AwardScale).View, DensityScale = Up(config.DensityScale).View,
            P_lo = Up(config.PerEnv(PLo)).View, P_hi = Up(config.PerEnv(PHi)).View,
            BatteryInitMax = Up(config.PerEnv(BatteryInitMaxJ)).View, BatteryCap = Up(config.PerEnv(BatteryCapJ)).View,
            EpisodeLen = Up(config.PerEnvInt(EpisodeSlots)).View,
            CpuMode = Up(config.PerEnvInt(CpuModeKey)).View, CpuDropRule = Up(config.PerEnvInt(CpuDropRuleKey)).View,
            TxPowerW = F(ed), BatteryJ = F(ed), SizeBits = F(ed), CyclesPerBit = F(ed), DeadlineS = F(ed), Award = F(ed),
            Gain = F(ed), HarvestJ = F(ed), Rate0Bps = F(ed),
            Slot = A.Alloc<int>(e).View, EpisodeIndex = A.Alloc<int>(e).View, EpisodeIncome = F(e),
            NnOffload = B(ed), Target = A.Alloc<sbyte>(ed).View, EnergyOk = B(ed), DemandHz = F(ed), Priority = F(ed),
            Offload = B(ed), AllocHz = F(ed), CellRxPowerW = F(en), BsDemandHz = F(en), BsWeight = F(en),
            DecoderCounters = F((long)e * RefinementCounters.Count),
            RateBps = F(ed), DelayS = F(ed), Completed = B(ed), UploadEnergyJ = F(ed),
            Proto = proto.View, ActionMask = _mask.View,
            CentralObs = centralObs.View, BsObs = bsObs.View, FinalObs = _groupFinalObs.View, FinalCentralObs = finalCentral.View,
            Reward = _reward.View, HomeIncome = F(en), AgentReward = AgentReward.View,
            Truncated = Truncated.View, Terminated = Terminated.View,
            StepCounters = StepCounters.View, CounterTotals = CounterTotals.View,
        };
        Spec = BuildSpec(n, UMax, PerBsView, centralSize, bsSize);

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
        if (!ReferenceEquals(grid.Table, Table))
            throw new ArgumentException("the parameter grid was not built from the collab-mec parameter table");
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

    public void Reset(ulong seed)
    {
        _s.Seed = seed;
        Truncated.MemSetToZero();
        Terminated.MemSetToZero();
        int e = NumEnvs, ed = e * _s.DevicesPerEnv;
        _mask0(ed, _s);
        _resetClock(e, _s, 0);
        _resetDevices(ed, _s, 0);
        _draw(ed, _s, 0);
    }

    public void Observe(int group)
    {
        CheckGroup(group);
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

    private static void CheckGroup(int group)
    {
        if (group != AgentGroupIndex) throw new ArgumentOutOfRangeException(nameof(group), group, "collab-mec has one group: 0 (central or bs)");
    }

    public MemoryBuffer1D<float, Stride1D.Dense> Observation(int group) { CheckGroup(group); return _groupObs; }
    public ActionBuffers Actions(int group) { CheckGroup(group); return _actions; }
    public MemoryBuffer1D<byte, Stride1D.Dense> ActionMask(int group) { CheckGroup(group); return _mask; }
    public MemoryBuffer1D<float, Stride1D.Dense> Reward(int stream) => stream == 0 ? _reward
        : throw new ArgumentOutOfRangeException(nameof(stream), stream, "collab-mec has one reward stream: 0 (income)");
    public MemoryBuffer1D<byte, Stride1D.Dense> Truncated { get; }
    public MemoryBuffer1D<byte, Stride1D.Dense> Terminated { get; }
    /// <summary>The central observation [E, CentralObsSize] (in the central view the same buffer as the observation).</summary>
    public MemoryBuffer1D<float, Stride1D.Dense> GlobalState { get; }
    public MemoryBuffer1D<float, Stride1D.Dense> FinalGlobalState { get; }
    public MemoryBuffer1D<float, Stride1D.Dense> StepCounters { get; }
    public MemoryBuffer1D<double, Stride1D.Dense> CounterTotals { get; }

    public void ObserveGlobal() => ObserveCentral(0);

    public void ClearTotals() => CounterTotals.MemSetToZero();

    /// <summary>One slot (spec §6): S3–S8 in <see cref="Resolve"/>, then S9 in <see cref="Advance"/>.</summary>
    public void Step()
    {
        Resolve();
        Advance();
    }

    /// <summary>S3 decode (and the final rates R2), S5 delays, S6 completion, S7 income, S8 batteries, counters.</summary>
    public void Resolve()
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
    public void Advance()
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

    public void Dispose() => _arena.Dispose();
}
