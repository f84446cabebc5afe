using GpuTwin.Kernels.Memory;
using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Policies;
using GpuTwin.VecEnv.Running;
using GpuTwin.VecEnv.Scenarios.IotMigration;
using GpuTwin.VecEnv.Scenarios.IotMigration.Authentication;
using ILGPU;
using ILGPU.Runtime;

namespace GpuTwin.Tests.IotMigration;

/// <summary>Builds small iot-migration batches (with the test-double authority unless told otherwise) and reads their state back.</summary>
public static class IotMigrationTestBed
{
    public static readonly IotMigrationScenario Scenario = new(_ => new FixedVerdictAuthority());

    public static ParameterGrid Grid(int envsPerCell, (string Key, double Value)[] set, params Sweep[] sweeps)
    {
        var table = IotMigrationParameters.Table;
        var overrides = set.ToDictionary(s => table.IndexOf(s.Key), s => s.Value);
        return new ParameterGrid(table, overrides, sweeps, envsPerCell);
    }

    public static Sweep SweepOf(string text) => Sweep.Parse(IotMigrationParameters.Table, text);

    public static IotMigrationEnv Env(ComputeDevice device, int envs, params (string Key, double Value)[] set) =>
        new(device, Grid(envs, set), new FixedVerdictAuthority());

    public static IotMigrationEnv Env(ComputeDevice device, ICredentialAuthority authority, int envs, params (string Key, double Value)[] set) =>
        new(device, Grid(envs, set), authority);

    public static IVecPolicy Policy(IotMigrationEnv env, string name, ulong seed = 1) => Scenario.CreatePolicy(name, env, seed);

    public static T[] Read<T>(FieldView<T> view) where T : unmanaged => view.View.GetAsArray();
    public static T[] Read<T>(MemoryBuffer1D<T, Stride1D.Dense> buffer) where T : unmanaged => ((ArrayView<T>)buffer.View).GetAsArray();

    /// <summary>Steps with the policy; <paramref name="beforeResolve"/> sees the state after acting, <paramref name="afterResolve"/> the slot's outcome.</summary>
    public static void Run(IotMigrationEnv env, IVecPolicy policy, int steps, ulong seed, Action<int>? afterResolve = null,
        Action<int>? beforeResolve = null, bool observe = false)
    {
        env.Reset(seed);
        for (int t = 0; t < steps; t++)
        {
            PolicyRunner.Act(env, policy, t, observe);
            env.Device.Synchronize();
            beforeResolve?.Invoke(t);
            env.Resolve();
            env.Device.Synchronize();
            afterResolve?.Invoke(t);
            env.Advance();
        }
        env.Device.Synchronize();
    }

    /// <summary>Metrics of each sweep cell after running <paramref name="policy"/> for <paramref name="steps"/> slots.</summary>
    public static IReadOnlyList<CellResult> Metrics(ComputeDevice device, ParameterGrid grid, string policy, int steps, ulong seed)
    {
        using var env = new IotMigrationEnv(device, grid, new FixedVerdictAuthority());
        var p = Policy(env, policy, seed);
        try { return PolicyRunner.Run(env, p, steps, seed); }
        finally { (p as IDisposable)?.Dispose(); }
    }

    public static T[] Row<T>(T[] data, int env, int width) => data.AsSpan(env * width, width).ToArray();
}
