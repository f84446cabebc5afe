using GpuTwin.Kernels.Runtime;
using GpuTwin.Tests.Common;
using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Policies;
using GpuTwin.VecEnv.Scenarios.V2xOffloading;
using ILGPU.Runtime;

namespace GpuTwin.Tests.V2x;

/// <summary>Builds small v2x batches and writes actions (stepping and reading state: <see cref="ScenarioBed"/>).</summary>
public static class V2xTestBed
{
    public static readonly V2xScenario Scenario = new();

    public static readonly (string, double)[] PaperLiteral = [("channel_aging", 1), ("offload_overhead_s", 0)];

    public static ParameterGrid Grid(int envsPerCell, (string Key, double Value)[] set, params Sweep[] sweeps) =>
        ScenarioBed.Grid(V2xParameters.Table, envsPerCell, set, sweeps);

    public static V2xEnv Env(ComputeDevice device, int envs, params (string Key, double Value)[] set) =>
        new(device, Grid(envs, set));

    public static IVecPolicy Policy(V2xEnv env, string name, ulong seed = 1) => Scenario.CreatePolicy(name, env, seed);

    /// <summary>Writes raw actions [E, MMax, 4] into the env's action buffer.</summary>
    public static void WriteActions(V2xEnv env, float[] raw) => env.Actions(V2xEnv.VehicleGroup).Continuous.View.CopyFromCPU(raw);
}
