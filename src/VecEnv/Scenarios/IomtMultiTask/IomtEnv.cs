using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Scenarios.IomtMultiTask.Kernels;
using GpuTwin.VecEnv.Spaces;
using ILGPU;
using ILGPU.Runtime;
using static GpuTwin.VecEnv.Scenarios.IomtMultiTask.IomtParameters;

namespace GpuTwin.VecEnv.Scenarios.IomtMultiTask;

/// <summary>
/// <c>iomt</c> (paper 004): multi-task IoMT offloading with hybrid actions over E parallel envs. One agent group
/// (<c>user</c>, N^u agents) picks per task a target s ∈ {0 = local, 1..N^m} and shares (x^f, x^b). Reward
/// stream 0 is the system reward r_t; the per-agent r_{t,i} and per-task r_{t,i,j} are in
/// <see cref="RewardAgent"/> and <see cref="RewardTask"/>. An env that depletes a device's energy is
/// Terminated (no bootstrap); one that reaches T_ep is Truncated. Done envs auto-reset inside <see cref="Step"/>,
/// after <see cref="FinalObservation"/> and <see cref="FinalGlobalState"/> have kept their o_{t+1} and ŝ_{t+1}.
/// </summary>
public sealed class IomtEnv : SlotEnv
{
    public const string Id = "iomt";
    public const int UserGroup = 0;

    private readonly MemoryBuffer1D<float, Stride1D.Dense> _serverPos;
    private IomtState _s;

    private readonly Kernel<IomtState, int> _reset, _draw, _observe, _globalState;
    private readonly Kernel<IomtState> _layout, _pools, _outcome, _energy, _count, _countEpisodeEnd, _clock, _episodeEnd;

    public int UMax { get; }
    public int JMax { get; }
    public int KMax { get; }

    /// <summary>Direct access to the SoA state (tests, traces, baselines, learners).</summary>
    public IomtState State => _s;

    /// <summary>r_{t,i} [E, UMax] after <see cref="Step"/>.</summary>
    public MemoryBuffer1D<float, Stride1D.Dense> RewardAgent { get; }
    /// <summary>r_{t,i,j} [E, UMax, JMax] after <see cref="Step"/> (the per-task TD targets).</summary>
    public MemoryBuffer1D<float, Stride1D.Dense> RewardTask { get; }
    /// <summary>ô [E, UMax, 3 + 2·KMax], written by <see cref="Observe"/> (the attention input, without private task contents).</summary>
    public MemoryBuffer1D<float, Stride1D.Dense> CorrectedObservation { get; }
    /// <summary>o_{t+1} [E, UMax, ObsSize] of the envs that ended in the last step, before their auto-reset.</summary>
    public MemoryBuffer1D<float, Stride1D.Dense> FinalObservation { get; }
    /// <summary>Padding masks: tasks [E, UMax, JMax], users [E, UMax], servers [E, KMax].</summary>
    public MemoryBuffer1D<byte, Stride1D.Dense> TaskActive { get; }
    public MemoryBuffer1D<byte, Stride1D.Dense> UserActive { get; }
    public MemoryBuffer1D<byte, Stride1D.Dense> ServerActive { get; }

    public IomtEnv(ComputeDevice device, ParameterGrid parameters) : base(device, parameters)
    {
        Validate(parameters);
        UMax = (int)parameters.Max("users");
        JMax = (int)parameters.Max("tasks");
        KMax = (int)parameters.Max("servers");
        int e = NumEnvs, u = UMax, j = JMax, k = KMax, c = IomtCounters.Set.Count;
        int xDist = parameters.Max("obs_distances") > 0 ? k : 0, xSe = parameters.Max("obs_spectral_eff") > 0 ? k : 0;
        int xLoad = parameters.Max("obs_prev_load") > 0 ? 3 * k : 0, xPhase = parameters.Max("obs_step_phase") > 0 ? 1 : 0;
        int extras = xDist + xSe + xLoad + xPhase;
        int obsSize = Observations.ObsSize(j, k) + extras, corrSize = Observations.CorrectedSize(k) + extras - xDist;
        int globalSize = Observations.GlobalSize(u, k);
        AllocateOutputs(BuildSpec(u, j, k, obsSize, globalSize));
        var A = Arena;
        var paramBlock = A.Upload(parameters.ToDeviceLayout());
        _serverPos = A.Alloc<float>(e * k * 2);
        int ut = e * u * j, uu = e * u, uk = e * u * k, ek = e * k;
        TaskActive = A.Alloc<byte>(ut); UserActive = A.Alloc<byte>(uu); ServerActive = A.Alloc<byte>(ek);
        var actions = Actions(UserGroup);
        CorrectedObservation = A.Alloc<float>((long)uu * corrSize);
        FinalObservation = A.Alloc<float>((long)uu * obsSize);
        RewardAgent = A.Alloc<float>(uu);
        RewardTask = A.Alloc<float>(ut);
        _s = new IomtState
        {
            NumEnvs = e, UMax = u, JMax = j, KMax = k, ParamCount = Table.Count, CounterCount = c,
            ObsSize = obsSize, CorrectedObsSize = corrSize, GlobalSize = globalSize,
            ExtraDistances = xDist, ExtraSpectralEff = xSe, ExtraPrevLoad = xLoad, ExtraStepPhase = xPhase,
            Params = paramBlock.View, ServerPos = _serverPos.View,
            UserActive = UserActive.View, TaskActive = TaskActive.View, ServerActive = ServerActive.View,
            UserPosX = A.Alloc<float>(uu).View, UserPosY = A.Alloc<float>(uu).View,
            Dist = A.Alloc<float>(uk).View, MeanGainOverN0 = A.Alloc<float>(uk).View,
            TxPowerW = A.Alloc<float>(uu).View, CapJ = A.Alloc<float>(uu).View,
            DataBits = A.Alloc<float>(ut).View, Cycles = A.Alloc<float>(ut).View,
            Priority = A.Alloc<int>(ut).View, PrioWeight = A.Alloc<float>(ut).View,
            EnergyLeftJ = A.Alloc<float>(uu).View, Step = A.Alloc<int>(e).View, EpisodeIndex = A.Alloc<int>(e).View,
            EpisodeReturn = A.Alloc<float>(e).View,
            Target = A.Alloc<int>(ut).View, CpuHz = A.Alloc<float>(ut).View, BwHz = A.Alloc<float>(ut).View,
            RateBps = A.Alloc<float>(ut).View, DelayS = A.Alloc<float>(ut).View, EnergyJ = A.Alloc<float>(ut).View,
            TaskReward = RewardTask.View,
            LocalCpuDemand = A.Alloc<float>(uu).View, LocalTasks = A.Alloc<float>(uu).View,
            ServerLoadTasks = A.Alloc<float>(ek).View, ServerCpuDemand = A.Alloc<float>(ek).View,
            ServerBwDemand = A.Alloc<float>(ek).View,
            TargetAction = actions.Discrete.View, ShareAction = actions.Continuous.View, ActionMask = ActionMask(UserGroup).View,
            Obs = Observation(UserGroup).View, CorrectedObs = CorrectedObservation.View, FinalObs = FinalObservation.View,
            Global = GlobalState.View, FinalGlobal = FinalGlobalState.View,
            RewardAgent = RewardAgent.View, RewardSystem = Reward(0).View,
            Truncated = Truncated.View, Terminated = Terminated.View,
            StepCounters = StepCounters.View, CounterTotals = CounterTotals.View,
        };

        _layout = device.Load<IomtState>(Layout.LayoutKernel);
        _reset = device.Load<IomtState, int>(EpisodeReset.ResetKernel);
        _draw = device.Load<IomtState, int>(TaskDraws.DrawTasksKernel);
        _observe = device.Load<IomtState, int>(Observations.ObserveKernel);
        _globalState = device.Load<IomtState, int>(Observations.GlobalStateKernel);
        _pools = device.Load<IomtState>(Pools.PoolsKernel);
        _outcome = device.Load<IomtState>(TaskOutcome.TaskOutcomeKernel);
        _energy = device.Load<IomtState>(EnergyCapacity.EnergyCapacityKernel);
        _count = device.Load<IomtState>(Kernels.StepCounters.CountStepKernel);
        _countEpisodeEnd = device.Load<IomtState>(Kernels.StepCounters.CountEpisodeEndKernel);
        _clock = device.Load<IomtState>(Clock.AdvanceClockKernel);
        _episodeEnd = device.Load<IomtState>(Clock.EpisodeEndKernel);
    }

    public static void Validate(ParameterGrid grid)
    {
        RequireTable(grid, Table, Id);
        IomtParameters.Validate(grid);
    }

    public static EnvSpec BuildSpec(int u, int j, int k, int obsSize, int globalSize) => new(
        Id,
        [
            new AgentGroup("user", u, obsSize,
                new Hybrid(new MultiDiscrete(j, k + 1, "target s per task: 0 = local, k = server k (s > N^m is illegal)"),
                    new Box(2 * j, 0, 1, "(x^f, x^b) per task: CPU share, bandwidth share (x^b unused when local)")),
                3 * j, 0,
                "IoMT user (eq. 14 observation: own tasks, own device, server budgets); decides all its tasks each step"),
        ],
        ["system"],
        globalSize,
        IomtCounters.Set);

    public override void Reset(ulong seed)
    {
        _s.Seed = seed;
        UploadServerLayout(seed);
        ClearDoneFlags();
        _layout(NumEnvs, _s);
        _reset(NumEnvs, _s, 0);
        _draw(NumEnvs, _s, 0);
    }

    private void UploadServerLayout(ulong seed)
    {
        var data = new float[NumEnvs * KMax * 2];
        for (int e = 0; e < NumEnvs; e++)
        {
            int m = (int)Parameters.Value(e, Servers);
            float w = (float)Parameters.Value(e, AreaM);
            int layoutEnv = (int)Parameters.Value(e, LayoutKey) == LayoutKeyRun ? 0 : e;
            var pts = (int)Parameters.Value(e, ServerLayout) == ServerLayoutRandomFixed
                ? IomtServerLayout.RandomFixed(m, w, seed, layoutEnv)
                : IomtServerLayout.Symmetric(m, w);
            for (int k = 0; k < m; k++)
            {
                data[(e * KMax + k) * 2] = pts[k].X;
                data[(e * KMax + k) * 2 + 1] = pts[k].Y;
            }
        }
        _serverPos.View.CopyFromCPU(data);
    }

    protected override void ObserveGroup(int group) => _observe(NumEnvs, _s, 0);

    public override void ObserveGlobal() => _globalState(NumEnvs, _s, 0);

    /// <summary>The step itself (S2–S9 of spec §6 and metrics); afterwards the per-task fields describe this step (used by traces).</summary>
    public override void Resolve()
    {
        int n = NumEnvs;
        _pools(n, _s);    // S2–S4
        _outcome(n, _s);  // S5–S8
        _energy(n, _s);   // S9
        _count(n, _s);
    }

    /// <summary>S10–S11: clock, the next tasks, the episode end, the final views of done envs and their auto-reset.</summary>
    public override void Advance()
    {
        int n = NumEnvs;
        _clock(n, _s);
        _draw(n, _s, 0);          // next tasks with key (episode, t + 1), in every env
        _episodeEnd(n, _s);       // look-ahead rule, truncation at T_ep
        _countEpisodeEnd(n, _s);
        _observe(n, _s, 1);       // o_{t+1} of done envs
        _globalState(n, _s, 1);   // ŝ_{t+1} of done envs
        _reset(n, _s, 1);         // auto-reset (masked, in-kernel)
        _draw(n, _s, 1);          // first tasks of the next episode, key (episode + 1, 0)
    }
}
