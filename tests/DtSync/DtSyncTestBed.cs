using GpuTwin.Kernels.Runtime;
using GpuTwin.Tests.Common;
using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Policies;
using GpuTwin.VecEnv.Scenarios.DtSyncMigration;

namespace GpuTwin.Tests.DtSync;

/// <summary>Builds small dt-sync batches (stepping and reading state: <see cref="ScenarioBed"/>).</summary>
public static class DtSyncTestBed
{
    public static readonly DtSyncScenario Scenario = new();

    public static ParameterGrid Grid(int envsPerCell, (string Key, double Value)[] set, params Sweep[] sweeps) =>
        ScenarioBed.Grid(DtSyncParameters.Table, envsPerCell, set, sweeps);

    public static DtSyncEnv Env(ComputeDevice device, int envs, params (string Key, double Value)[] set) =>
        new(device, Grid(envs, set));

    public static IVecPolicy Policy(DtSyncEnv env, string name, ulong seed = 1) => Scenario.CreatePolicy(name, env, seed);
}
