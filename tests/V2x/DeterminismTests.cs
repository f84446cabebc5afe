using GpuTwin.Kernels.Runtime;
using GpuTwin.Tests.Common;
using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Running;
using GpuTwin.VecEnv.Scenarios.V2xOffloading;

namespace GpuTwin.Tests.V2x;

public sealed class DeterminismTests() : DeterminismSuite<V2xEnv>(V2xTestBed.Scenario, (device, grid) => new V2xEnv(device, grid))
{
    private static readonly (string, double)[] Small = [("episode_slots", 20)];

    protected override float[] Snapshot(V2xEnv env, int e)
    {
        var s = env.State;
        int m = env.MMax, n = env.NMax;
        return new EnvSnapshot(e)
            .Rows(m, s.PosX, s.PosY, s.Heading, s.TaskBits, s.TxPowerW, s.CpuHz, s.BwHz, s.RateBps, s.DelayS, s.EnergyJ, s.CostI, s.Rho2)
            .Rows(m, s.Target, s.UploadEs, s.AccessEs)
            .Rows(m * n, s.DistM, s.GainLs, s.FadeH)
            .Rows(n, s.FmaxHz, s.DtFremHz, s.DtBremHz)
            .Rows(m * s.ObsSize, s.TurnObs)
            .Rows(env.Spec.Counters.Count, env.CounterTotals)
            .Rows(1, s.Reward)
            .ToArray();
    }

    protected override SeedRuns Seeds => new(8, 50, Small, "random", "rocs", "greedy-dt");

    protected override IEnumerable<BatchCase> Batches => [new("rocs", "rocs", 45, 100, [(1, 0), (8, 5), (100, 99)], Small)];

    // Cell 1 (envs 4..7) are replicates 0..3 of speed 20: common random numbers across cells.
    protected override SweepCase SweepCell => new("greedy-dt", 30, 4, Small, "speed_mps=5,20", 4, [.. Small, ("speed_mps", 20)],
        [(0, 4), (1, 5), (2, 6), (3, 7)], FirstCellDiffers: true);

    /// <summary>Same draws in both cells: identical tasks, fades and ES capacities; only the speed differs.</summary>
    protected override void AssertSwept(V2xEnv swept, V2xEnv fixedEnv)
    {
        var s = swept.State;
        Assert.Equal(Row(Read(s.TaskBits), 0, 10), Row(Read(s.TaskBits), 4, 10));
        Assert.Equal(Row(Read(s.FmaxHz), 1, 3), Row(Read(s.FmaxHz), 5, 3));
    }

    protected override IEnumerable<BackendCase> Backends =>
        new[] { "random", "greedy-dt", "rocs" }.Select(p => new BackendCase(p, p, 25, ("M", 6), ("episode_slots", 10)));

    protected override IEnumerable<float[]> Outputs(V2xEnv env) =>
    [
        Read(env.Observation(V2xEnv.VehicleGroup)), Read(env.GlobalState), Read(env.FinalGlobalState),
        Read(env.ActionMask(V2xEnv.VehicleGroup)).Select(x => (float)x).ToArray(),
    ];

    [Fact]
    public void PaddedVehicles_DoNotChangeTheActiveOnes()
    {
        // An M = 10 env inside an M = 10,20 sweep (padded to 20) equals an M = 10 batch.
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var swept = new V2xEnv(device, V2xTestBed.Grid(2, Small, Sweep.Parse(V2xParameters.Table, "M=10,20")));
        Run(swept, Policy(swept, "amcs"), 30, 8);
        using var plain = Env(device, 2, Small);
        Run(plain, Policy(plain, "amcs"), 30, 8);
        var costS = Read(swept.State.CostI); var costP = Read(plain.State.CostI);
        var totS = Read(swept.CounterTotals); var totP = Read(plain.CounterTotals);
        int c = swept.Spec.Counters.Count;
        for (int e = 0; e < 2; e++)
        {
            Assert.Equal(Row(costP, e, 10), Row(costS, e, 20).Take(10).ToArray());
            Assert.All(Row(costS, e, 20).Skip(10), x => Assert.Equal(0f, x));
            Assert.Equal(Row(totP, e, c), Row(totS, e, c));
        }
    }

    [Fact]
    public void Truncation_AfterTheEpisode_RedrawsFmax_AndKeepsAFinalState()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 4, ("episode_slots", 5));
        env.Reset(2);
        var policy = Policy(env, "amcs");
        var f0 = Read(env.State.FmaxHz);
        for (int t = 0; t < 5; t++)
        {
            Assert.All(Read(env.Truncated), x => Assert.Equal(0, x));
            PolicyRunner.StepOnce(env, policy, t);
        }
        Assert.All(Read(env.Truncated), x => Assert.Equal(1, x));
        Assert.All(Read(env.State.EpisodeIndex), x => Assert.Equal(1, x));
        Assert.All(Read(env.State.Slot), x => Assert.Equal(0, x));
        Assert.NotEqual(f0, Read(env.State.FmaxHz));
        var final = Read(env.FinalGlobalState);
        Assert.Contains(final, x => x != 0f);
        // At slot start of the hypothetical slot the DT is full: F_rem/F_norm entries are F_max/25 GHz of the old episode.
        int n = env.NMax;
        for (int j = 0; j < n; j++) Assert.Equal(f0[j] / 25e9f, final[1 + 2 * n + j], 6);
        Assert.Equal(5.0, Read(env.CounterTotals)[env.Spec.Counters.IndexOf("env_steps")]);
        Assert.Equal(1.0, Read(env.CounterTotals)[env.Spec.Counters.IndexOf("episodes_ended")]);
    }
}
