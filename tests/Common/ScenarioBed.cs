using GpuTwin.Kernels.Memory;
using GpuTwin.VecEnv;
using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Policies;
using GpuTwin.VecEnv.Running;
using ILGPU;
using ILGPU.Runtime;

namespace GpuTwin.Tests.Common;

/// <summary>What every scenario's test bed shares: grids from ("key", value) pairs, a stepping loop with hooks, and host copies of state.</summary>
public static class ScenarioBed
{
    /// <summary>A grid of <paramref name="envsPerCell"/> envs per sweep cell with the keys in <paramref name="set"/> overridden.</summary>
    public static ParameterGrid Grid(ParameterTable table, int envsPerCell, (string Key, double Value)[] set, params Sweep[] sweeps)
    {
        var overrides = set.ToDictionary(s => table.IndexOf(s.Key), s => s.Value);
        return new ParameterGrid(table, overrides, sweeps, envsPerCell);
    }

    /// <summary>
    /// Resets with <paramref name="seed"/> and steps with the policy. <paramref name="beforeResolve"/> sees the state after
    /// acting, <paramref name="afterResolve"/> each slot's own fields before the env moves on.
    /// </summary>
    public static void Run(ISlotEnv env, IVecPolicy policy, int steps, ulong seed, Action<int>? afterResolve = null,
        Action<int>? beforeResolve = null, bool observe = false)
    {
        env.Reset(seed);
        for (int t = 0; t < steps; t++)
        {
            PolicyRunner.Act(env, policy, t, observe);
            Hook(env, beforeResolve, t);
            env.Resolve();
            Hook(env, afterResolve, t);
            env.Advance();
        }
        env.Device.Synchronize();
    }

    private static void Hook(ISlotEnv env, Action<int>? hook, int step)
    {
        if (hook == null) return;
        env.Device.Synchronize();
        hook(step);
    }

    public static T[] Read<T>(FieldView<T> view) where T : unmanaged => view.View.GetAsArray();
    public static T[] Read<T>(MemoryBuffer1D<T, Stride1D.Dense> buffer) where T : unmanaged => ((ArrayView<T>)buffer.View).GetAsArray();

    /// <summary>Overwrites a state field (tests set up exact situations).</summary>
    public static void Write<T>(FieldView<T> view, T[] data) where T : unmanaged => view.View.CopyFromCPU(data);

    /// <summary>A per-env slice of a [E, width] field.</summary>
    public static T[] Row<T>(T[] data, int env, int width) => data.AsSpan(env * width, width).ToArray();
}
