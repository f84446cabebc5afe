using GpuTwin.Kernels.Runtime;
using GpuTwin.Tests.Common;
using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Policies;
using GpuTwin.VecEnv.Running;
using GpuTwin.VecEnv.Scenarios.IotMigration;
using GpuTwin.VecEnv.Scenarios.IotMigration.Authentication;

namespace GpuTwin.Tests.IotMigration;

/// <summary>Builds small iot-migration batches (with the test-double authority unless told otherwise) and runs them for metrics (stepping and reading state: <see cref="ScenarioBed"/>).</summary>
public static class IotMigrationTestBed
{
    public static readonly IotMigrationScenario Scenario = new(_ => new FixedVerdictAuthority());

    public static ParameterGrid Grid(int envsPerCell, (string Key, double Value)[] set, params Sweep[] sweeps) =>
        ScenarioBed.Grid(IotMigrationParameters.Table, envsPerCell, set, sweeps);

    public static Sweep SweepOf(string text) => Sweep.Parse(IotMigrationParameters.Table, text);

    public static IotMigrationEnv Env(ComputeDevice device, int envs, params (string Key, double Value)[] set) =>
        new(device, Grid(envs, set), new FixedVerdictAuthority());

    public static IotMigrationEnv Env(ComputeDevice device, ICredentialAuthority authority, int envs, params (string Key, double Value)[] set) =>
        new(device, Grid(envs, set), authority);

    public static IVecPolicy Policy(IotMigrationEnv env, string name, ulong seed = 1) => Scenario.CreatePolicy(name, env, seed);

    /// <summary>Metrics of each sweep cell after running <paramref name="policy"/> for <paramref name="steps"/> slots.</summary>
    public static IReadOnlyList<CellResult> Metrics(ComputeDevice device, ParameterGrid grid, string policy, int steps, ulong seed)
    {
        using var env = new IotMigrationEnv(device, grid, new FixedVerdictAuthority());
        var p = Policy(env, policy, seed);
        try { return PolicyRunner.Run(env, p, steps, seed); }
        finally { (p as IDisposable)?.Dispose(); }
    }
}
