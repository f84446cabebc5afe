using System.Reflection;
using BenchmarkDotNet.Attributes;
using GpuTwin.Benchmarks.Columns;
using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv;
using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Policies;
using GpuTwin.VecEnv.Running;
using GpuTwin.VecEnv.Scenarios;

namespace GpuTwin.Benchmarks.Step;

/// <summary>
/// The two step cases every scenario has, on one batch of <see cref="NumEnvs"/> envs at the scenario's defaults,
/// built, reset and warmed up (<see cref="WarmupSteps"/> steps, so every kernel is loaded) in the setup, outside the
/// timed region. One operation = one step of the whole batch: the timed region is <see cref="StepsPerInvoke"/> steps,
/// then one synchronize. <see cref="EnvStep"/> (the Ratio baseline) re-steps with the actions the case's env-only
/// policy wrote once (Step never writes the action buffers, so this is valid env-only stepping);
/// <see cref="PolicyAndStep"/> runs the step policy's kernel before every step. A scenario's class gives its
/// <see cref="StepCase"/>, device, categories, <see cref="AgentsPerEnvAttribute"/> (checked against the env's spec
/// in the setup) and [Params].
/// </summary>
[StepJob]
[CategoriesColumn]
public abstract class ScenarioStepBenchmarks(StepCase stepCase, DeviceKind deviceKind)
{
    /// <summary>Batch steps per benchmark invocation (the benchmarks' OperationsPerInvoke).</summary>
    public const int StepsPerInvoke = 16;
    /// <summary>Steps run in setup so every kernel is compiled / loaded before timing.</summary>
    public const int WarmupSteps = 4;
    public const ulong Seed = 20240601;

    private ComputeDevice? _device;
    private IVecEnv? _env;
    private IVecPolicy? _policy;
    private int _step;

    /// <summary>Envs per batch; each scenario's class declares its [Params].</summary>
    public abstract int NumEnvs { get; set; }

    /// <summary>The batch the setup built.</summary>
    protected IVecEnv Env => _env ?? throw new InvalidOperationException("no batch: the setup has not run");

    [GlobalSetup(Target = nameof(EnvStep))]
    public void SetupEnvStep() => Build(withPolicy: false);

    [GlobalSetup(Target = nameof(PolicyAndStep))]
    public void SetupPolicyAndStep() => Build(withPolicy: true);

    [GlobalCleanup]
    public void Cleanup()
    {
        (_policy as IDisposable)?.Dispose();
        _env?.Dispose();
        _device?.Dispose();
        _policy = null; _env = null; _device = null;
    }

    /// <summary>env.Step() with the env-only policy's actions written once in the setup.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = StepsPerInvoke)]
    [BenchmarkCategory(StepCategories.EnvStep)]
    public void EnvStep()
    {
        var env = Env;
        for (int i = 0; i < StepsPerInvoke; i++) env.Step();
        env.Device.Synchronize();
    }

    /// <summary>The step policy's kernel, then env.Step().</summary>
    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    [BenchmarkCategory(StepCategories.PolicyStep)]
    public void PolicyAndStep()
    {
        var env = Env;
        var policy = _policy ?? throw new InvalidOperationException("this batch was built for env-only stepping");
        for (int i = 0; i < StepsPerInvoke; i++) PolicyRunner.StepOnce(env, policy, _step++);
        env.Device.Synchronize();
    }

    /// <summary>Builds, resets and warms up the batch; with the env-only policy, writes its actions once.</summary>
    private void Build(bool withPolicy)
    {
        try
        {
            var scenario = ScenarioRegistry.Get(stepCase.Scenario);
            _device = ComputeDevice.Create(deviceKind);
            _env = scenario.CreateEnv(_device, ParameterGrid.Uniform(scenario.Parameters, NumEnvs));
            int agents = GetType().GetCustomAttribute<AgentsPerEnvAttribute>()?.Agents
                ?? throw new InvalidOperationException($"{GetType().Name} has no [AgentsPerEnv]");
            if (_env.Spec.AgentsPerEnv != agents)
                throw new InvalidOperationException($"{stepCase.Scenario} has {_env.Spec.AgentsPerEnv} agents per env, {GetType().Name}'s [AgentsPerEnv] says {agents}");
            _env.Reset(Seed);
            if (withPolicy)
            {
                _policy = scenario.CreatePolicy(stepCase.StepPolicy, _env, stepCase.PolicySeed);
            }
            else
            {
                var fixedActions = scenario.CreatePolicy(stepCase.EnvOnlyPolicy, _env, stepCase.PolicySeed);
                try
                {
                    for (int g = 0; g < _env.Spec.Groups.Count; g++) fixedActions.Act(_env, g, 0);
                }
                finally
                {
                    (fixedActions as IDisposable)?.Dispose();
                }
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
            Cleanup();
            throw;
        }
    }
}
