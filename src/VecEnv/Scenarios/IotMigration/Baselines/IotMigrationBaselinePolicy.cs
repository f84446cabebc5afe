using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Policies;
using ILGPU;
using ILGPU.Runtime;

namespace GpuTwin.VecEnv.Scenarios.IotMigration.Baselines;

/// <summary>A spec §9 baseline as a policy: writes every user's action on the device from the twin's state.</summary>
public sealed class IotMigrationBaselinePolicy : IVecPolicy, IDisposable
{
    private readonly IotMigrationEnv _env;
    private readonly Kernel<IotMigrationState, IotMigrationBaselineArgs> _kernel;
    private readonly MemoryBuffer1D<int, Stride1D.Dense> _committed;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _power;
    private readonly IotMigrationBaselineArgs _args;

    public IotMigrationHeuristic Heuristic { get; }
    public string Name { get; }
    /// <summary>Baselines read the twin's state directly.</summary>
    public bool NeedsObservations => false;

    public IotMigrationBaselinePolicy(IotMigrationEnv env, IotMigrationHeuristic heuristic, string name, ulong policySeed)
    {
        _env = env;
        Heuristic = heuristic;
        Name = name;
        _committed = env.Device.Allocate<int>((long)env.NumEnvs * env.NumServers);
        _power = env.Device.Allocate<float>((long)env.NumEnvs * env.NumServers);
        _args = new IotMigrationBaselineArgs { Heuristic = (int)heuristic, PolicySeed = policySeed, Committed = _committed.View, PlanPowerW = _power.View };
        _kernel = env.Device.Load<IotMigrationState, IotMigrationBaselineArgs>(IotMigrationBaselineActions.BaselineActionsKernel);
    }

    public void Act(IVecEnv env, int group, int step)
    {
        if (!ReferenceEquals(env, _env)) throw new ArgumentException("this policy was built for another env batch", nameof(env));
        if (group == IotMigrationEnv.UserGroup) _kernel(_env.NumEnvs, _env.State, _args);
    }

    public void Dispose()
    {
        _committed.Dispose();
        _power.Dispose();
    }
}
