using BenchmarkDotNet.Attributes;
using GpuTwin.Benchmarks.Columns;
using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Policies;
using GpuTwin.VecEnv.Running;
using GpuTwin.VecEnv.Scenarios.CollaborativeMec;

namespace GpuTwin.Benchmarks.Step;

/// <summary>
/// collab-mec stepping on the fast host path at the calibrated defaults (N = 3 BSs, 30/55/80 devices, central view).
/// One operation = one slot of the whole batch. EnvStep re-steps with one fixed random proto-action (Algorithm 1
/// included: it is part of the env step); Decode runs only Algorithm 1 on that proto-action, so EnvStep − Decode is
/// the rest of the physics; PolicyAndStep runs the GGPO baseline's kernel before every step.
/// Filter: <c>--filter '*CollabMec*'</c>.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
[CategoriesColumn]
[BenchmarkCategory("collab-mec", DtSyncCategories.Cpu)]
[AgentsPerEnv(1)]
public class CollabMecStepBenchmarks
{
    private const int StepsPerInvoke = 8;
    private ComputeDevice? _device;
    private CollabMecEnv? _env;
    private IVecPolicy? _policy;
    private int _step;

    [Params(1, 64, 1024)]
    public int NumEnvs { get; set; }

    private void Setup(bool withPolicy)
    {
        _device = ComputeDevice.Create(DeviceKind.Cpu);
        _env = new CollabMecEnv(_device, ParameterGrid.Uniform(CollabMecParameters.Table, NumEnvs));
        _env.Reset(20240601);
        var scenario = new CollabMecScenario();
        if (withPolicy) _policy = scenario.CreatePolicy("ggpo", _env, 1);
        else
        {
            var once = scenario.CreatePolicy("random", _env, 1);
            once.Act(_env, CollabMecEnv.AgentGroupIndex, 0);
            (once as IDisposable)?.Dispose();
        }
        for (int i = 0; i < 4; i++) Step();
        _device.Synchronize();
    }

    [GlobalSetup(Targets = [nameof(EnvStep), nameof(Decode)])]
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
    [BenchmarkCategory(DtSyncCategories.EnvStep)]
    public void Decode()
    {
        var s = _env!.State;
        for (int i = 0; i < StepsPerInvoke; i++) _env.Refinement.Decode(s.RefinementViews, s.Proto, _env.NumEnvs);
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
