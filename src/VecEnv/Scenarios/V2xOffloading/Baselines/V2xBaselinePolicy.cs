using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Policies;
using ILGPU;
using ILGPU.Runtime;

namespace GpuTwin.VecEnv.Scenarios.V2xOffloading.Baselines;

/// <summary>
/// A spec §9 heuristic (or random) as a policy. The heuristics run the whole slot's sequential decisions in
/// one fused kernel; random writes raw actions that the env decodes in Step.
/// </summary>
public sealed class V2xBaselinePolicy : IVecPolicy, IDisposable
{
    private readonly V2xEnv _env;
    private readonly Kernel<V2xState, V2xHeuristicArgs> _kernel;
    private readonly MemoryBuffer1D<int, Stride1D.Dense> _counts;
    private readonly MemoryBuffer1D<byte, Stride1D.Dense> _coins;
    private readonly V2xHeuristicArgs _args;

    public V2xHeuristic Heuristic { get; }
    public string Name { get; }
    /// <summary>The heuristics read the DT and the slot's state directly.</summary>
    public bool NeedsObservations => false;

    public V2xBaselinePolicy(V2xEnv env, V2xHeuristic heuristic, string name, ulong policySeed)
    {
        _env = env;
        Heuristic = heuristic;
        Name = name;
        _counts = env.Device.Allocate<int>(env.NumEnvs * env.NMax);
        _coins = env.Device.Allocate<byte>(env.NumEnvs * env.MMax);
        _args = new V2xHeuristicArgs { Heuristic = (int)heuristic, PolicySeed = policySeed, Counts = _counts.View, Coins = _coins.View };
        _kernel = heuristic == V2xHeuristic.Random
            ? env.Device.Load<V2xState, V2xHeuristicArgs>(HeuristicSlot.RandomActionsKernel)
            : env.Device.Load<V2xState, V2xHeuristicArgs>(HeuristicSlot.HeuristicSlotKernel);
    }

    public void Act(IVecEnv env, int group, int step)
    {
        if (!ReferenceEquals(env, _env)) throw new ArgumentException("this policy was built for another env batch", nameof(env));
        _kernel(_env.NumEnvs, _env.State, _args);
        if (Heuristic != V2xHeuristic.Random) _env.MarkAllDecided();
    }

    public void Dispose()
    {
        _counts.Dispose();
        _coins.Dispose();
    }
}
