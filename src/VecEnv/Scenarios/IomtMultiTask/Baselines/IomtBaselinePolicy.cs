using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Policies;
using ILGPU;
using ILGPU.Runtime;

namespace GpuTwin.VecEnv.Scenarios.IomtMultiTask.Baselines;

/// <summary>A spec §9 heuristic as a policy: writes every user's targets and shares on the device.</summary>
public sealed class IomtBaselinePolicy : IVecPolicy, IDisposable
{
    private readonly IomtEnv _env;
    private readonly Kernel<IomtState, IomtBaselineArgs> _kernel;
    private readonly MemoryBuffer1D<int, Stride1D.Dense> _order;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _weights;
    private readonly IomtBaselineArgs _args;

    public IomtHeuristic Heuristic { get; }
    public string Name { get; }
    /// <summary>Heuristics read the twin's state directly.</summary>
    public bool NeedsObservations => false;

    public IomtBaselinePolicy(IomtEnv env, IomtHeuristic heuristic, string name, ulong policySeed)
    {
        _env = env;
        Heuristic = heuristic;
        Name = name;
        _order = env.Device.Allocate<int>(env.NumEnvs * env.UMax * env.JMax);
        _weights = env.Device.Allocate<float>(env.NumEnvs * (env.UMax + env.KMax));
        _args = new IomtBaselineArgs { Heuristic = (int)heuristic, PolicySeed = policySeed, Order = _order.View, PoolWeight = _weights.View };
        _kernel = env.Device.Load<IomtState, IomtBaselineArgs>(IomtBaselineActions.BaselineActionsKernel);
    }

    public void Act(IVecEnv env, int group, int step)
    {
        if (!ReferenceEquals(env, _env)) throw new ArgumentException("this policy was built for another env batch", nameof(env));
        if (group == IomtEnv.UserGroup) _kernel(_env.NumEnvs, _env.State, _args);
    }

    public void Dispose()
    {
        _order.Dispose();
        _weights.Dispose();
    }
}
