using GpuTwin.Kernels.Memory;
using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Policies;
using GpuTwin.VecEnv.Running;
using GpuTwin.VecEnv.Scenarios.IomtMultiTask;
using ILGPU;
using ILGPU.Runtime;

namespace GpuTwin.Tests.Iomt;

/// <summary>Builds small iomt batches and reads their state back for assertions.</summary>
public static class IomtTestBed
{
    public static readonly IomtScenario Scenario = new();

    public static ParameterGrid Grid(int envsPerCell, (string Key, double Value)[] set, params Sweep[] sweeps)
    {
        var table = IomtParameters.Table;
        var overrides = set.ToDictionary(s => table.IndexOf(s.Key), s => s.Value);
        return new ParameterGrid(table, overrides, sweeps, envsPerCell);
    }

    public static Sweep SweepOf(string text) => Sweep.Parse(IomtParameters.Table, text);

    public static IomtEnv Env(ComputeDevice device, int envs, params (string Key, double Value)[] set) => new(device, Grid(envs, set));

    public static IVecPolicy Policy(IomtEnv env, string name, ulong seed = 1) => Scenario.CreatePolicy(name, env, seed);

    public static T[] Read<T>(FieldView<T> view) where T : unmanaged => view.View.GetAsArray();
    public static T[] Read<T>(MemoryBuffer1D<T, Stride1D.Dense> buffer) where T : unmanaged => ((ArrayView<T>)buffer.View).GetAsArray();

    /// <summary>Steps with the policy; <paramref name="afterResolve"/> sees each step's own fields before the env moves on.</summary>
    public static void Run(IomtEnv env, IVecPolicy policy, int steps, ulong seed, Action<int>? afterResolve = null, bool observe = false)
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

    /// <summary>Writes the same action (target, x^f, x^b) for every task of every env.</summary>
    public static void SetActions(IomtEnv env, int target, float xf, float xb)
    {
        int n = env.NumEnvs * env.UMax * env.JMax;
        env.Actions(0).Discrete.View.CopyFromCPU(Enumerable.Repeat(target, n).ToArray());
        var shares = new float[2 * n];
        for (int t = 0; t < n; t++) { shares[2 * t] = xf; shares[2 * t + 1] = xb; }
        env.Actions(0).Continuous.View.CopyFromCPU(shares);
    }

    public static T[] Row<T>(T[] data, int env, int width) => data.AsSpan(env * width, width).ToArray();
}
