using GpuTwin.Kernels.Runtime;
using GpuTwin.Tests.Common;
using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Policies;
using GpuTwin.VecEnv.Scenarios.IomtMultiTask;
using ILGPU.Runtime;

namespace GpuTwin.Tests.Iomt;

/// <summary>Builds small iomt batches and writes actions (stepping and reading state: <see cref="ScenarioBed"/>).</summary>
public static class IomtTestBed
{
    public static readonly IomtScenario Scenario = new();

    public static ParameterGrid Grid(int envsPerCell, (string Key, double Value)[] set, params Sweep[] sweeps) =>
        ScenarioBed.Grid(IomtParameters.Table, envsPerCell, set, sweeps);

    public static Sweep SweepOf(string text) => Sweep.Parse(IomtParameters.Table, text);

    public static IomtEnv Env(ComputeDevice device, int envs, params (string Key, double Value)[] set) => new(device, Grid(envs, set));

    public static IVecPolicy Policy(IomtEnv env, string name, ulong seed = 1) => Scenario.CreatePolicy(name, env, seed);

    /// <summary>Writes the same action (target, x^f, x^b) for every task of every env.</summary>
    public static void SetActions(IomtEnv env, int target, float xf, float xb)
    {
        int n = env.NumEnvs * env.UMax * env.JMax;
        env.Actions(0).Discrete.View.CopyFromCPU(Enumerable.Repeat(target, n).ToArray());
        var shares = new float[2 * n];
        for (int t = 0; t < n; t++) { shares[2 * t] = xf; shares[2 * t + 1] = xb; }
        env.Actions(0).Continuous.View.CopyFromCPU(shares);
    }
}
