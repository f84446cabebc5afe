using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Policies;
using ILGPU;
using ILGPU.Runtime;

namespace GpuTwin.VecEnv.Scenarios.DtSyncMigration.Baselines;

/// <summary>A spec §9 heuristic as a policy: at the MU phase it writes all three groups' actions.</summary>
public sealed class DtSyncBaselinePolicy : IVecPolicy, IDisposable
{
    private readonly DtSyncEnv _env;
    private readonly Kernel<DtSyncState, BaselineArgs> _kernel;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _rx, _target;
    private readonly BaselineArgs _args;

    public DtSyncHeuristic Heuristic { get; }
    public string Name { get; }
    /// <summary>Heuristics read the oracle state directly.</summary>
    public bool NeedsObservations => false;

    public DtSyncBaselinePolicy(DtSyncEnv env, DtSyncHeuristic heuristic, string name, ulong policySeed)
    {
        _env = env;
        Heuristic = heuristic;
        Name = name;
        _rx = env.Device.Allocate<float>(env.NumEnvs * env.MMax);
        _target = env.Device.Allocate<float>(env.NumEnvs * env.KMax);
        _args = new BaselineArgs { Heuristic = (int)heuristic, PolicySeed = policySeed, RxTotalW = _rx.View, TargetSinr = _target.View };
        _kernel = env.Device.Load<DtSyncState, BaselineArgs>(BaselineActions.BaselineActionsKernel);
    }

    public void Act(IVecEnv env, int group, int step)
    {
        if (!ReferenceEquals(env, _env)) throw new ArgumentException("this policy was built for another env batch", nameof(env));
        if (group == DtSyncEnv.MuGroup) _kernel(_env.NumEnvs, _env.State, _args);
    }

    public void Dispose()
    {
        _rx.Dispose();
        _target.Dispose();
    }
}
