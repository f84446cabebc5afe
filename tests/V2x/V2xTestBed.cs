using GpuTwin.Kernels.Memory;
using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Policies;
using GpuTwin.VecEnv.Running;
using GpuTwin.VecEnv.Scenarios.V2xOffloading;
using ILGPU;
using ILGPU.Runtime;

namespace GpuTwin.Tests.V2x;

/// <summary>Builds small v2x batches and reads their state back for assertions.</summary>
public static class V2xTestBed
{
    public static readonly V2xScenario Scenario = new();

    public static readonly (string, double)[] PaperLiteral = [("channel_aging", 1), ("offload_overhead_s", 0)];

    public static ParameterGrid Grid(int envsPerCell, (string Key, double Value)[] set, params Sweep[] sweeps)
    {
        var table = V2xParameters.Table;
        var overrides = set.ToDictionary(s => table.IndexOf(s.Key), s => s.Value);
        return new ParameterGrid(table, overrides, sweeps, envsPerCell);
    }

    public static V2xEnv Env(ComputeDevice device, int envs, params (string Key, double Value)[] set) =>
        new(device, Grid(envs, set));

    public static IVecPolicy Policy(V2xEnv env, string name, ulong seed = 1) => Scenario.CreatePolicy(name, env, seed);

    public static T[] Read<T>(FieldView<T> view) where T : unmanaged => view.View.GetAsArray();
    public static T[] Read<T>(MemoryBuffer1D<T, Stride1D.Dense> buffer) where T : unmanaged => ((ArrayView<T>)buffer.View).GetAsArray();

    /// <summary>Steps with the policy; <paramref name="afterResolve"/> sees each slot's own fields before the env moves on.</summary>
    public static void Run(V2xEnv env, IVecPolicy policy, int steps, ulong seed, Action<int>? afterResolve = null, bool observe = false)
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

    /// <summary>Writes raw actions [E, MMax, 4] into the env's action buffer.</summary>
    public static void WriteActions(V2xEnv env, float[] raw) => env.Actions(V2xEnv.VehicleGroup).Continuous.View.CopyFromCPU(raw);

    /// <summary>Overwrites a state field (tests set up exact situations).</summary>
    public static void Write<T>(FieldView<T> view, T[] data) where T : unmanaged => view.View.CopyFromCPU(data);

    public static T[] Row<T>(T[] data, int env, int width) => data.AsSpan(env * width, width).ToArray();
}
