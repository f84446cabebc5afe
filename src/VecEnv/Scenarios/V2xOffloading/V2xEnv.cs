using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Scenarios.V2xOffloading.Kernels;
using GpuTwin.VecEnv.Spaces;
using ILGPU;
using ILGPU.Runtime;
using static GpuTwin.VecEnv.Scenarios.V2xOffloading.V2xParameters;

namespace GpuTwin.VecEnv.Scenarios.V2xOffloading;

/// <summary>
/// <c>v2x</c> (paper 000): cloud-edge-vehicle offloading with a sequentially updated digital twin over E
/// parallel envs. One agent group <c>cv</c> (M vehicles). Inside a slot the vehicles decide in ID order,
/// each seeing the DT its predecessors left (spec §5):
/// <list type="bullet">
/// <item>learners: for i = 0..M−1, <see cref="ObserveVehicle"/>(i), write vehicle i's raw action,
/// <see cref="DecideVehicle"/>(i); then <see cref="Step"/>;</item>
/// <item><see cref="IVecEnv.Observe"/> + <see cref="Step"/> alone: all M raw actions are applied through the
/// same sequential decoder in ID order without re-observation (spec §6 <c>Step(actionsAll)</c>);</item>
/// <item>heuristics decide the whole slot in one fused kernel before <see cref="Step"/>.</item>
/// </list>
/// Random draws are keyed by (seed, replicate, episode, slot, stream, entity) with replicate = the env's
/// index within its sweep cell, so every cell of a sweep sees the same tasks, fades and trajectories
/// (common random numbers, spec §3) and a uniform batch's env i does not depend on the batch size.
/// </summary>
public sealed class V2xEnv : SlotEnv
{
    public const string Id = "v2x";
    public const int VehicleGroup = 0;
    public const int ActionWidth = 4;

    private readonly MemoryBuffer1D<float, Stride1D.Dense> _esPos, _wired;
    private V2xState _s;
    private int _cursor;

    private readonly Kernel<V2xState, int> _reset, _begin, _observe, _decide;
    private readonly Kernel<V2xState> _resolve, _count, _countEpisodeEnd, _move, _clock, _global, _final;

    public int MMax { get; }
    public int NMax { get; }

    /// <summary>Direct access to the SoA state (tests, traces, baselines).</summary>
    public V2xState State => _s;

    public V2xEnv(ComputeDevice device, ParameterGrid parameters) : base(device, parameters)
    {
        Validate(parameters);
        MMax = (int)parameters.Max("M");
        NMax = (int)parameters.Max("N");
        int e = NumEnvs, m = MMax, n = NMax, c = V2xCounters.Set.Count;
        int obsSize = V2xRules.ObsSize(n);
        AllocateOutputs(BuildSpec(m, obsSize));
        var A = Arena;
        var paramBlock = A.Upload(parameters.ToDeviceLayout());
        // Common random numbers across a sweep: env e draws as replicate e mod EnvsPerCell of its cell.
        var rngEnv = A.Upload(Enumerable.Range(0, e).Select(x => x % parameters.EnvsPerCell).ToArray());
        _esPos = A.Alloc<float>(e * n * 2);
        _wired = A.Alloc<float>(e * n * n);
        _s = new V2xState
        {
            NumEnvs = e, MMax = m, NMax = n, ParamCount = V2xParameters.Table.Count, CounterCount = c,
            ObsSize = obsSize, GlobalSize = m * obsSize,
            Params = paramBlock.View, RngEnv = rngEnv.View, EsPos = _esPos.View, WiredBps = _wired.View,
            FmaxHz = A.Alloc<float>(e * n).View, Rho2 = A.Alloc<float>(e * m).View,
            PosX = A.Alloc<float>(e * m).View, PosY = A.Alloc<float>(e * m).View, Heading = A.Alloc<float>(e * m).View,
            Slot = A.Alloc<int>(e).View, EpisodeIndex = A.Alloc<int>(e).View,
            TaskBits = A.Alloc<float>(e * m).View, DistM = A.Alloc<float>(e * m * n).View,
            GainLs = A.Alloc<float>(e * m * n).View, FadeH = A.Alloc<float>(e * m * n).View,
            AccessEs = A.Alloc<int>(e * m).View,
            DtFremHz = A.Alloc<float>(e * n).View, DtBremHz = A.Alloc<float>(e * n).View, DtCursor = A.Alloc<int>(e).View,
            RawAction = Actions(VehicleGroup).Continuous.View, Target = A.Alloc<int>(e * m).View, UploadEs = A.Alloc<int>(e * m).View,
            TxPowerW = A.Alloc<float>(e * m).View, CpuHz = A.Alloc<float>(e * m).View, BwHz = A.Alloc<float>(e * m).View,
            NoCoverage = A.Alloc<byte>(e * m).View, RateBps = A.Alloc<float>(e * m).View, UploadS = A.Alloc<float>(e * m).View,
            DelayS = A.Alloc<float>(e * m).View, EnergyJ = A.Alloc<float>(e * m).View, Failed = A.Alloc<byte>(e * m).View,
            CostI = A.Alloc<float>(e * m).View,
            Obs = Observation(VehicleGroup).View, TurnObs = A.Alloc<float>(e * m * obsSize).View, Mask = ActionMask(VehicleGroup).View,
            Global = GlobalState.View, FinalGlobal = FinalGlobalState.View,
            Reward = Reward(0).View, RewardRaw = A.Alloc<float>(e).View, RewardI = A.Alloc<float>(e * m).View,
            Truncated = Truncated.View, Terminated = Terminated.View,
            StepCounters = StepCounters.View, CounterTotals = CounterTotals.View,
        };
        UploadLayout();

        _reset = device.Load<V2xState, int>(EpisodeReset.ResetKernel);
        _begin = device.Load<V2xState, int>(SlotBegin.BeginSlotKernel);
        _observe = device.Load<V2xState, int>(Decisions.ObserveKernel);
        _decide = device.Load<V2xState, int>(Decisions.DecideKernel);
        _resolve = device.Load<V2xState>(SlotResolve.ResolveKernel);
        _count = device.Load<V2xState>(SlotCounters.CountSlotKernel);
        _countEpisodeEnd = device.Load<V2xState>(SlotCounters.CountEpisodeEndKernel);
        _move = device.Load<V2xState>(VehicleMobility.MoveKernel);
        _clock = device.Load<V2xState>(Clock.AdvanceClockKernel);
        _global = device.Load<V2xState>(Kernels.GlobalState.GlobalStateKernel);
        _final = device.Load<V2xState>(Kernels.GlobalState.FinalStateKernel);
    }

    public static void Validate(ParameterGrid grid)
    {
        RequireTable(grid, V2xParameters.Table, Id);
        V2xParameters.Validate(grid);
    }

    public static EnvSpec BuildSpec(int m, int obsSize) => new(
        Id,
        [
            new AgentGroup("cv", m, obsSize,
                new Box(ActionWidth, -1, 1, "u = (u_x target, u_p power, u_f CPU share, u_b bandwidth share); target_decode=categorical: u_x = index"),
                ActionWidth, 0,
                "connected vehicle: offloads its task (local / ES 1..N) with power, CPU and bandwidth shares, in ID order"),
        ],
        ["system"],
        m * obsSize,
        V2xCounters.Set);

    private void UploadLayout()
    {
        var pos = new float[NumEnvs * NMax * 2];
        var wired = new float[NumEnvs * NMax * NMax];
        for (int e = 0; e < NumEnvs; e++)
        {
            int n = (int)Parameters.Value(e, N);
            float w = (float)Parameters.Value(e, AreaM);
            double phi = Parameters.Value(e, WiredPhi);
            var pts = V2xEsLayout.Positions(n, w);
            for (int j = 0; j < n; j++)
            {
                pos[(e * NMax + j) * 2] = pts[j].X;
                pos[(e * NMax + j) * 2 + 1] = pts[j].Y;
                for (int k = 0; k < n; k++)
                {
                    double d = Math.Sqrt(Math.Pow(pts[j].X - pts[k].X, 2) + Math.Pow(pts[j].Y - pts[k].Y, 2));
                    wired[(e * NMax + k) * NMax + j] = k == j ? 0f : (float)(phi / d);
                }
            }
        }
        _esPos.View.CopyFromCPU(pos);
        _wired.View.CopyFromCPU(wired);
    }

    public override void Reset(ulong seed)
    {
        _s.Seed = seed;
        ClearDoneFlags();
        _reset(NumEnvs, _s, 0);
        _begin(NumEnvs, _s, 0);
        _cursor = 0;
    }

    /// <summary>Every vehicle's observation from the DT as it is now (at slot start: full capacity).</summary>
    protected override void ObserveGroup(int group) => _observe(NumEnvs, _s, -1);

    /// <summary>Vehicle i's observation at its turn: the DT after vehicles 0..i−1 decided.</summary>
    public void ObserveVehicle(int vehicle)
    {
        CheckVehicle(vehicle);
        _observe(NumEnvs, _s, vehicle);
    }

    /// <summary>Decodes vehicle i's raw action and updates the DT (vehicles must decide in ID order).</summary>
    public void DecideVehicle(int vehicle)
    {
        CheckVehicle(vehicle);
        if (vehicle != _cursor)
            throw new InvalidOperationException($"v2x vehicles decide in ID order: expected vehicle {_cursor}, got {vehicle}");
        _decide(NumEnvs, _s, vehicle);
        _cursor++;
    }

    /// <summary>Called by fused heuristics that decided the whole slot themselves.</summary>
    internal void MarkAllDecided() => _cursor = MMax;

    private void CheckVehicle(int vehicle)
    {
        if (vehicle < 0 || vehicle >= MMax) throw new ArgumentOutOfRangeException(nameof(vehicle), vehicle, $"vehicles are 0..{MMax - 1}");
    }

    /// <summary>s(t): the turn observations of the slot decided so far.</summary>
    public override void ObserveGlobal() => _global(NumEnvs, _s);

    /// <summary>Decides the vehicles not yet decided (ID order), then S4–S9 and the metrics; the per-vehicle fields then describe this slot.</summary>
    public override void Resolve()
    {
        int n = NumEnvs;
        _decide(n, _s, -1);
        _resolve(n, _s);
        _count(n, _s);
    }

    /// <summary>S10–S11: mobility, clock, final state of truncated envs, auto-reset and the next slot's draws.</summary>
    public override void Advance()
    {
        int n = NumEnvs;
        _move(n, _s);               // S10
        _clock(n, _s);              // S11
        _countEpisodeEnd(n, _s);
        _begin(n, _s, 0);           // S1 of the next slot (for truncated envs: the hypothetical slot)
        _final(n, _s);              // final observation of truncated envs
        _reset(n, _s, 1);           // auto-reset (masked, in-kernel)
        _begin(n, _s, 1);           // S1 of the new episode's first slot
        _cursor = 0;
    }
}
