using GpuTwin.Benchmarks.Columns;
using BenchmarkDotNet.Attributes;
using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Policies;
using GpuTwin.VecEnv.Running;
using GpuTwin.VecEnv.Scenarios.IomtMultiTask;

namespace GpuTwin.Benchmarks.Step;

/// <summary>
/// iomt stepping on the fast host path at the spec defaults (N^u = 8, N^t = 8, N^m = 4). One operation = one
/// step of the whole batch. EnvStep re-steps with the "random" actions written once (depletion and auto-resets
/// included); PolicyAndStep runs the greedy-priority heuristic's kernel before every step.
/// Both throughput columns apply (8 agents per env at the defaults).
/// Filter: <c>--filter '*Iomt*'</c>.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
[CategoriesColumn]
[BenchmarkCategory("iomt", DtSyncCategories.Cpu)]
[AgentsPerEnv(8)]
public class IomtStepBenchmarks
{
    private const int StepsPerInvoke = 16;
    private ComputeDevice? _device;
    private IomtEnv? _env;
    private IVecPolicy? _policy;
    private int _step;

    [Params(1, 64, 1024)]
    public int NumEnvs { get; set; }

    private void Setup(bool withPolicy)
    {
        _device = ComputeDevice.Create(DeviceKind.Cpu);
        _env = new IomtEnv(_device, ParameterGrid.Uniform(IomtParameters.Table, NumEnvs));
        _env.Reset(20240601);
        var scenario = new IomtScenario();
        if (withPolicy) _policy = scenario.CreatePolicy("greedy-priority", _env, 1);
        else
        {
            var once = scenario.CreatePolicy("random", _env, 1);
            once.Act(_env, IomtEnv.UserGroup, 0);
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
        _device?.Dispose();
        _policy = null; _env = null; _device = null;
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
