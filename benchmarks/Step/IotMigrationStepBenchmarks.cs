using GpuTwin.Benchmarks.Columns;
using BenchmarkDotNet.Attributes;
using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Policies;
using GpuTwin.VecEnv.Running;
using GpuTwin.VecEnv.Scenarios.IotMigration;
using GpuTwin.VecEnv.Scenarios.IotMigration.Authentication;

namespace GpuTwin.Benchmarks.Step;

/// <summary>
/// iot-migration stepping on the fast host path at the spec defaults (ρ = 30 users per server, N = 15, so 450
/// user agents per env). One operation = one slot of the whole batch. EnvStep re-steps with the "random" actions
/// written once (auto-resets with the host join pass included every H = 100 slots); PolicyAndStep runs the
/// GreedySequential walk before every slot. The X.509 authority is built once in the setup, outside any timing.
/// Filter: <c>--filter '*IotMigration*'</c>.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
[CategoriesColumn]
[BenchmarkCategory("iot-migration", DtSyncCategories.Cpu)]
[AgentsPerEnv(450)]
public class IotMigrationStepBenchmarks
{
    private const int StepsPerInvoke = 16;
    private ComputeDevice? _device;
    private ICredentialAuthority? _authority;
    private IotMigrationEnv? _env;
    private IVecPolicy? _policy;
    private int _step;

    [Params(1, 64, 1024)]
    public int NumEnvs { get; set; }

    private void Setup(bool withPolicy)
    {
        _device = ComputeDevice.Create(DeviceKind.Cpu);
        _authority = new X509CredentialAuthority();
        _env = new IotMigrationEnv(_device, ParameterGrid.Uniform(IotMigrationParameters.Table, NumEnvs), _authority);
        _env.Reset(20240601);
        var scenario = new IotMigrationScenario(_ => _authority);
        if (withPolicy) _policy = scenario.CreatePolicy("greedy", _env, 1);
        else
        {
            var once = scenario.CreatePolicy("random", _env, 1);
            once.Act(_env, IotMigrationEnv.UserGroup, 0);
            (once as IDisposable)?.Dispose();
        }
        for (int i = 0; i < 4; i++) Step();
        _device.Synchronize();
    }

    [GlobalSetup(Target = nameof(EnvStep))]
    public void SetupEnvStep() => Setup(false);

    [GlobalSetup(Target = nameof(PolicyAndStep))]
    public void SetupPolicyAndStep() => Setup(true);

    [GlobalCleanup]
    public void Cleanup()
    {
        (_policy as IDisposable)?.Dispose();
        _env?.Dispose();
        _authority?.Dispose();
        _device?.Dispose();
        _policy = null; _env = null; _authority = null; _device = null;
    }

    private void Step()
    {
        if (_policy is null) _env!.Step();
        else PolicyRunner.StepOnce(_env!, _policy, _step++);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = StepsPerInvoke)]
    [BenchmarkCategory(DtSyncCategories.EnvStep)]
    public void EnvStep()
    {
        for (int i = 0; i < StepsPerInvoke; i++) Step();
        _device!.Synchronize();
    }

    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    [BenchmarkCategory(DtSyncCategories.PolicyStep)]
    public void PolicyAndStep()
    {
        for (int i = 0; i < StepsPerInvoke; i++) Step();
        _device!.Synchronize();
    }
}
