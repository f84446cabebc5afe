using GpuTwin.Benchmarks.Columns;
using BenchmarkDotNet.Attributes;
using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Policies;
using GpuTwin.VecEnv.Running;
using GpuTwin.VecEnv.Scenarios.V2xOffloading;

namespace GpuTwin.Benchmarks.Step;

/// <summary>
/// v2x stepping on the fast host path (<c>--device cpu</c>) at the spec §8 defaults (M = 10 vehicles, N = 3
/// ESs). One operation = one step of the whole batch. EnvStep re-steps with fixed random raw actions
/// (Step decodes them through the sequential DT every slot, so this is the full env cost); PolicyAndStep
/// runs the fused GREEDY-DT heuristic kernel before every step.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
[CategoriesColumn]
[BenchmarkCategory(DtSyncCategories.Cpu, "v2x")]
[AgentsPerEnv(10)]
public class V2xStepBenchmarks
{
    public const int StepsPerInvoke = 16;
    private const ulong Seed = 20240601;

    private ComputeDevice? _device;
    private V2xEnv? _env;
    private IVecPolicy? _policy;
    private int _step;

    [Params(1, 64, 1024)]
    public int NumEnvs { get; set; }

    private void Build(bool withPolicy)
    {
        _device = ComputeDevice.Create(DeviceKind.Cpu);
        _env = new V2xEnv(_device, ParameterGrid.Uniform(V2xParameters.Table, NumEnvs));
        _env.Reset(Seed);
        var scenario = new V2xScenario();
        if (withPolicy)
        {
            _policy = scenario.CreatePolicy("greedy-dt", _env, Seed);
        }
        else
        {
            // Raw actions written once by the random policy; Step never writes the action buffer.
            var random = scenario.CreatePolicy("random", _env, Seed);
            random.Act(_env, V2xEnv.VehicleGroup, 0);
            (random as IDisposable)?.Dispose();
        }
        for (int i = 0; i < 4; i++)
        {
            if (_policy is null) _env.Step();
            else PolicyRunner.StepOnce(_env, _policy, _step++);
        }
        _device.Synchronize();
    }

    [GlobalSetup(Target = nameof(EnvStep))]
    public void SetupEnvStep() => Build(false);

    [GlobalSetup(Target = nameof(PolicyAndStep))]
    public void SetupPolicyAndStep() => Build(true);

    [GlobalCleanup]
    public void Cleanup()
    {
        (_policy as IDisposable)?.Dispose();
        _env?.Dispose();
        _device?.Dispose();
        _policy = null; _env = null; _device = null;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = StepsPerInvoke)]
    [BenchmarkCategory(DtSyncCategories.EnvStep)]
    public void EnvStep()
    {
        for (int i = 0; i < StepsPerInvoke; i++) _env!.Step();
        _device!.Synchronize();
    }

    [Benchmark(OperationsPerInvoke = StepsPerInvoke)]
    [BenchmarkCategory(DtSyncCategories.PolicyStep)]
    public void PolicyAndStep()
    {
        for (int i = 0; i < StepsPerInvoke; i++) PolicyRunner.StepOnce(_env!, _policy!, _step++);
        _device!.Synchronize();
    }
}
