using GpuTwin.Kernels.Memory;
using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Policies;
using GpuTwin.VecEnv.Running;
using GpuTwin.VecEnv.Scenarios.DtSyncMigration;
using ILGPU;
using ILGPU.Runtime;

namespace GpuTwin.Tests.DtSync;

/// <summary>Builds small dt-sync batches and reads their state back for assertions.</summary>
public static class DtSyncTestBed
{
    public static readonly DtSyncScenario Scenario = new();

    public static ParameterGrid Grid(int envsPerCell, (string Key, double Value)[] set, params Sweep[] sweeps)
    {
        var table = DtSyncParameters.Table;
        var overrides = set.ToDictionary(s => table.IndexOf(s.Key), s => s.Value);
        return new ParameterGrid(table, overrides, sweeps, envsPerCell);
    }

    public static DtSyncEnv Env(ComputeDevice device, int envs, params (string Key, double Value)[] set) =>
        new(device, Grid(envs, set));

    public static IVecPolicy Policy(DtSyncEnv env, string name, ulong seed = 1) => Scenario.CreatePolicy(name, env, seed);

    public static T[] Read<T>(FieldView<T> view) where T : unmanaged => view.View.GetAsArray();
    public static T[] Read<T>(MemoryBuffer1D<T, Stride1D.Dense> buffer) where T : unmanaged => ((ArrayView<T>)buffer.View).GetAsArray();

    /// <summary>Steps with the policy; <paramref name="afterResolve"/> sees each slot's own fields before the env moves on.</summary>
    public static void Run(DtSyncEnv env, IVecPolicy policy, int steps, ulong seed, Action<int>? afterResolve = null, bool observe = false)
    {
        env.Reset(seed);
        for (int t = 0; t < steps; t++)
        {
            PolicyRunner.Act(env, policy, t, observe);
            env.Resolve();
            afterResolve?.Invoke(t);
            env.Advance();
        }
        env.Device.Synchronize();
    }

    /// <summary>A per-env slice of a [E, width] field.</summary>
    public static T[] Row<T>(T[] data, int env, int width) => data.AsSpan(env * width, width).ToArray();
}
