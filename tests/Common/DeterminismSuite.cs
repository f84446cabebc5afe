using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv;
using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Policies;
using GpuTwin.VecEnv.Scenarios;

namespace GpuTwin.Tests.Common;

/// <summary>
/// The determinism checks every scenario passes (design.md: draws are keyed by seed, env, episode, step and
/// stream): the same seed repeats a trajectory and another seed does not; env i is the same in batches of any
/// size; a sweep cell equals the same envs run with <c>--set</c>; the host path and ILGPU's CPU accelerator agree
/// bit for bit. A concrete class per scenario says which envs, policies, steps and fields.
/// </summary>
public abstract class DeterminismSuite<TEnv>(IScenario scenario, Func<ComputeDevice, ParameterGrid, TEnv> create)
    where TEnv : ISlotEnv
{
    /// <summary>Runs of <see cref="Steps"/> slots in <see cref="Envs"/> envs built with <see cref="Set"/>, one per policy.</summary>
    public sealed record SeedRuns(int Envs, int Steps, (string Key, double Value)[] Set, params string[] Policies);

    /// <summary>
    /// A batch of <see cref="BigEnvs"/> envs against smaller batches: env <c>Env</c> of an <c>Envs</c>-env batch in
    /// <see cref="Probes"/> must equal env <c>Env</c> of the big one.
    /// </summary>
    public sealed record BatchCase(string Name, string Policy, int Steps, int BigEnvs, (int Envs, int Env)[] Probes,
        params (string Key, double Value)[] Set) : INamedCase;

    /// <summary>
    /// A sweep of <see cref="EnvsPerCell"/> envs per cell against <see cref="FixedEnvs"/> envs run with one cell's
    /// values set: fixed env <c>Fixed</c> of each of <see cref="Pairs"/> must equal swept env <c>Swept</c>.
    /// </summary>
    public sealed record SweepCase(string Policy, int Steps, int EnvsPerCell, (string Key, double Value)[] Set, string Sweep,
        int FixedEnvs, (string Key, double Value)[] FixedSet, (int Fixed, int Swept)[] Pairs, bool FirstCellDiffers);

    /// <summary>The same run of <see cref="Steps"/> slots in 3 envs on the host path and on the ILGPU CPU accelerator.</summary>
    public sealed record BackendCase(string Name, string Policy, int Steps, params (string Key, double Value)[] Set) : INamedCase;

    private const ulong BatchSeed = 5, SweepSeed = 3, BackendSeed = 9;
    private const int BackendEnvs = 3;

    /// <summary>Every per-agent field of env <paramref name="e"/> (and its counter totals) as one vector.</summary>
    protected abstract float[] Snapshot(TEnv env, int e);

    protected abstract SeedRuns Seeds { get; }
    protected abstract IEnumerable<BatchCase> Batches { get; }
    protected abstract SweepCase SweepCell { get; }
    protected abstract IEnumerable<BackendCase> Backends { get; }

    /// <summary>The learner-facing outputs compared across backends, after <see cref="IVecEnv.ObserveGlobal"/>.</summary>
    protected abstract IEnumerable<float[]> Outputs(TEnv env);

    /// <summary>Compares fixed env <paramref name="f"/> with swept env <paramref name="s"/>; by default their whole snapshots.</summary>
    protected virtual void AssertSameEnv(TEnv fixedEnv, int f, TEnv swept, int s) => Assert.Equal(Snapshot(fixedEnv, f), Snapshot(swept, s));

    /// <summary>Scenario-specific checks of the swept batch.</summary>
    protected virtual void AssertSwept(TEnv swept, TEnv fixedEnv) { }

    /// <summary>Policy names of <see cref="Seeds"/>, as theory cases.</summary>
    public IEnumerable<INamedCase> SeedPolicies => Seeds.Policies.Select(p => new PolicyName(p));

    protected TEnv Env(ComputeDevice device, int envs, params (string Key, double Value)[] set) =>
        create(device, Grid(scenario.Parameters, envs, set));

    protected IVecPolicy Policy(TEnv env, string name, ulong seed = 1) => scenario.CreatePolicy(name, env, seed);

    [Theory]
    [SuiteCases(nameof(SeedPolicies))]
    public void SameSeed_GivesTheSameTrajectory_AndAnotherSeedDoesNot(string policyName)
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        var runs = Seeds;
        float[] RunOnce(ulong seed)
        {
            using var env = Env(device, runs.Envs, runs.Set);
            Run(env, Policy(env, policyName, seed), runs.Steps, seed);
            return Enumerable.Range(0, runs.Envs).SelectMany(e => Snapshot(env, e)).ToArray();
        }
        var a = RunOnce(11);
        Assert.Equal(a, RunOnce(11));
        Assert.NotEqual(a, RunOnce(12));
    }

    [Theory]
    [SuiteCases(nameof(Batches))]
    public void EnvTrajectory_DoesNotDependOnTheNumberOfEnvs(string batchCase)
    {
        var c = Batches.Single(b => b.Name == batchCase);
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var big = Env(device, c.BigEnvs, c.Set);
        Run(big, Policy(big, c.Policy, BatchSeed), c.Steps, BatchSeed);
        foreach (var (envs, e) in c.Probes)
        {
            using var small = Env(device, envs, c.Set);
            Run(small, Policy(small, c.Policy, BatchSeed), c.Steps, BatchSeed);
            Assert.Equal(Snapshot(small, e), Snapshot(big, e));
        }
        // The envs of one batch are not copies of each other.
        Assert.NotEqual(Snapshot(big, 0), Snapshot(big, c.BigEnvs - 1));
    }

    [Fact]
    public void SweepCell_EqualsTheSameEnvsRunWithSet()
    {
        var c = SweepCell;
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var swept = create(device, Grid(scenario.Parameters, c.EnvsPerCell, c.Set, Sweep.Parse(scenario.Parameters, c.Sweep)));
        Run(swept, Policy(swept, c.Policy), c.Steps, SweepSeed);
        using var fixedEnv = Env(device, c.FixedEnvs, c.FixedSet);
        Run(fixedEnv, Policy(fixedEnv, c.Policy), c.Steps, SweepSeed);
        foreach (var (f, s) in c.Pairs) AssertSameEnv(fixedEnv, f, swept, s);
        if (c.FirstCellDiffers) Assert.NotEqual(Snapshot(fixedEnv, 0), Snapshot(swept, 0));
        AssertSwept(swept, fixedEnv);
    }

    [Theory]
    [SuiteCases(nameof(Backends))]
    public void HostPath_And_IlgpuCpuAccelerator_AreBitIdentical(string backendCase)
    {
        // ILGPU's CPU accelerator runs the same IL with the same XMath software functions, so the
        // agreement is exact; a GPU would differ within float tolerance (see docs/benchmarks.md).
        var c = Backends.Single(b => b.Name == backendCase);
        float[][] RunOn(DeviceKind kind)
        {
            using var device = ComputeDevice.Create(kind);
            using var env = Env(device, BackendEnvs, c.Set);
            Run(env, Policy(env, c.Policy, BackendSeed), c.Steps, BackendSeed, observe: true);
            env.ObserveGlobal();
            device.Synchronize();
            return Enumerable.Range(0, BackendEnvs).Select(e => Snapshot(env, e)).Concat(Outputs(env)).ToArray();
        }
        var host = RunOn(DeviceKind.Cpu);
        var emulator = RunOn(DeviceKind.IlgpuCpu);
        Assert.Equal(host.Length, emulator.Length);
        for (int i = 0; i < host.Length; i++) Assert.Equal(host[i], emulator[i]);
    }

    private sealed record PolicyName(string Name) : INamedCase;
}
