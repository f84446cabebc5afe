using GpuTwin.Kernels.Memory;
using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement;
using ILGPU;
using ILGPU.Runtime;

namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec.Baselines;

/// <summary>
/// One spec §9 baseline for a batch: owns the greedy engine's scratch, loads its kernels once, and writes the
/// proto-action â [E, N·U_max·(N+2)] from the twin's state (the decoder's views). The scenario wraps it as a
/// policy that writes into its action buffer and then decodes as for any other policy.
/// </summary>
public sealed class MecBaseline : IDisposable
{
    private readonly Kernel<RefinementViews, BaselineArgs> _simple, _greedy;
    private readonly MemoryBuffer1D<int, Stride1D.Dense> _order, _admitted;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _staticPriority, _demand, _tentDemand, _load, _tentLoad;
    private readonly MemoryBuffer1D<sbyte, Stride1D.Dense> _assigned;
    private readonly MemoryBuffer1D<byte, Stride1D.Dense> _cpuRejected, _saturated;
    private readonly int _numEnvs, _n, _uMax;

    public MecHeuristic Heuristic { get; }
    public ulong PolicySeed { get; }
    public int RandomStream { get; }

    public MecBaseline(ComputeDevice device, MecHeuristic heuristic, int numEnvs, int n, int uMax, ulong policySeed, int randomStream)
    {
        if (!Enum.IsDefined(heuristic)) throw new ArgumentOutOfRangeException(nameof(heuristic), heuristic, "unknown collab-mec baseline");
        if (n < 1 || n > RefinementRules.MaxBs) throw new ArgumentOutOfRangeException(nameof(n), n, $"N must be in [1, {RefinementRules.MaxBs}]");
        if (uMax < 1) throw new ArgumentOutOfRangeException(nameof(uMax), uMax, "U_max must be ≥ 1");
        Heuristic = heuristic;
        PolicySeed = policySeed;
        RandomStream = randomStream;
        _numEnvs = numEnvs;
        _n = n;
        _uMax = uMax;
        long slots = (long)numEnvs * n * uMax, bs = (long)numEnvs * n;
        _order = device.Allocate<int>(slots);
        _admitted = device.Allocate<int>(slots);
        _staticPriority = device.Allocate<float>(slots);
        _assigned = device.Allocate<sbyte>(slots);
        _demand = device.Allocate<float>(slots);
        _tentDemand = device.Allocate<float>(slots);
        _cpuRejected = device.Allocate<byte>(slots);
        _load = device.Allocate<float>(bs);
        _tentLoad = device.Allocate<float>(bs);
        _saturated = device.Allocate<byte>(bs);
        _simple = device.Load<RefinementViews, BaselineArgs>(BaselineActions.SimpleBaselineKernel);
        _greedy = device.Load<RefinementViews, BaselineArgs>(BaselineActions.GreedyBaselineKernel);
    }

    /// <summary>True for the baselines that read the twin's state through the greedy engine (B2–B4).</summary>
    public bool IsGreedy => Heuristic is MecHeuristic.Olnpo or MecHeuristic.Lpwpo or MecHeuristic.Ggpo;

    /// <summary>Writes â for every env; <paramref name="slot"/> and <paramref name="episodeIndex"/> key B0's draws.</summary>
    public void Act(in RefinementViews v, FieldView<float> proto, FieldView<int> slot, FieldView<int> episodeIndex)
    {
        if (v.N != _n || v.UMax != _uMax)
            throw new ArgumentException($"views have N = {v.N}, U_max = {v.UMax}; this baseline was built for N = {_n}, U_max = {_uMax}", nameof(v));
        v.Validate(_numEnvs);
        long need = (long)_numEnvs * ActionRefinement.ProtoLength(_n, _uMax);
        if (proto.Length < need) throw new ArgumentException($"proto-action holds {proto.Length} values; the batch needs {need}", nameof(proto));
        if (slot.Length < _numEnvs || episodeIndex.Length < _numEnvs)
            throw new ArgumentException($"slot and episodeIndex need {_numEnvs} values each", nameof(slot));
        var args = new BaselineArgs
        {
            Heuristic = (int)Heuristic,
            PolicySeed = PolicySeed,
            RandomStream = RandomStream,
            Slot = slot,
            EpisodeIndex = episodeIndex,
            Proto = proto,
            Order = _order.View,
            Admitted = _admitted.View,
            StaticPriority = _staticPriority.View,
            Assigned = _assigned.View,
            Demand = _demand.View,
            TentDemand = _tentDemand.View,
            CpuRejected = _cpuRejected.View,
            Load = _load.View,
            TentLoad = _tentLoad.View,
            Saturated = _saturated.View,
        };
        if (IsGreedy) _greedy(_numEnvs, v, args);
        else _simple(_numEnvs * _n * _uMax, v, args);
    }

    public void Dispose()
    {
        _order.Dispose();
        _admitted.Dispose();
        _staticPriority.Dispose();
        _assigned.Dispose();
        _demand.Dispose();
        _tentDemand.Dispose();
        _cpuRejected.Dispose();
        _load.Dispose();
        _tentLoad.Dispose();
        _saturated.Dispose();
    }
}
