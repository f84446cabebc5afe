using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Policies;
using GpuTwin.VecEnv.Running;
using GpuTwin.VecEnv.Scenarios.DtSyncMigration;

namespace GpuTwin.Benchmarks.Step;

/// <summary>Category names shared by the dt-sync step benchmarks (filter with <c>--anyCategories</c>).</summary>
public static class DtSyncCategories
{
    public const string Cpu = "cpu";
    public const string IlgpuCpu = "ilgpu-cpu";
    public const string EnvStep = "env-step";
    public const string PolicyStep = "policy+step";
}

/// <summary>
/// One dt-sync batch at the paper defaults (K = 30 MUs, M = 5 BSs), built and warmed outside the timed
/// region. <see cref="StepEnvOnly"/> re-steps with the actions written once by the "static" baseline
/// (Step never writes the action buffers, so this is valid env-only stepping); <see cref="StepWithPolicy"/>
/// runs a heuristic's kernel before every step.
/// </summary>
public sealed class DtSyncBatch : IDisposable
{
    /// <summary>Batch steps per benchmark invocation (the benchmarks' OperationsPerInvoke).</summary>
    public const int StepsPerInvoke = 16;
    /// <summary>Steps run in setup so every kernel is compiled / loaded before timing.</summary>
    public const int WarmupSteps = 4;
    public const ulong Seed = 20240601;
    public const string EnvOnlyPolicy = "static";
    public const string StepPolicy = "deadline";

    /// <summary>K + M + 1 (MUs, BSs, control center) at the paper defaults: 36.</summary>
    public static int AgentsPerEnv { get; } =
        (int)DtSyncParameters.Table.Defs[DtSyncParameters.K].Default + (int)DtSyncParameters.Table.Defs[DtSyncParameters.M].Default + 1;

    private readonly ComputeDevice _device;
    private readonly DtSyncEnv _env;
    private readonly IVecPolicy? _policy;
    private int _step;

    private DtSyncBatch(DeviceKind kind, int numEnvs, string? stepPolicy)
    {
        _device = ComputeDevice.Create(kind);
        try
        {
            _env = new DtSyncEnv(_device, ParameterGrid.Uniform(DtSyncParameters.Table, numEnvs));
            if (_env.Spec.AgentsPerEnv != AgentsPerEnv)
                throw new InvalidOperationException($"dt-sync has {_env.Spec.AgentsPerEnv} agents per env, the columns assume {AgentsPerEnv}");
            _env.Reset(Seed);
            var scenario = new DtSyncScenario();
            if (stepPolicy is null)
            {
                // Actions written once: max power, nearest BS, equal shares, never migrate.
                var fixedActions = scenario.CreatePolicy(EnvOnlyPolicy, _env, Seed);
                try
                {
                    for (int g = 0; g < _env.Spec.Groups.Count; g++) fixedActions.Act(_env, g, 0);
                }
                finally
                {
                    (fixedActions as IDisposable)?.Dispose();
                }
            }
            else
            {
                _policy = scenario.CreatePolicy(stepPolicy, _env, Seed);
            }
            for (int i = 0; i < WarmupSteps; i++)
            {
                if (_policy is null) _env.Step();
                else PolicyRunner.StepOnce(_env, _policy, _step++);
            }
            _device.Synchronize();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public static DtSyncBatch EnvOnly(DeviceKind kind, int numEnvs) => new(kind, numEnvs, null);

    public static DtSyncBatch WithPolicy(DeviceKind kind, int numEnvs) => new(kind, numEnvs, StepPolicy);

    /// <summary><see cref="StepsPerInvoke"/> env steps with fixed actions, then one synchronize.</summary>
    public void StepEnvOnly()
    {
        for (int i = 0; i < StepsPerInvoke; i++) _env.Step();
        _device.Synchronize();
    }

    /// <summary><see cref="StepsPerInvoke"/> policy + env steps, then one synchronize.</summary>
    public void StepWithPolicy()
    {
        var policy = _policy ?? throw new InvalidOperationException("this batch was built for env-only stepping");
        for (int i = 0; i < StepsPerInvoke; i++) PolicyRunner.StepOnce(_env, policy, _step++);
        _device.Synchronize();
    }

    public void Dispose()
    {
        (_policy as IDisposable)?.Dispose();
        _env?.Dispose();
        _device?.Dispose();
    }
}
