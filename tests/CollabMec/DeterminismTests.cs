using GpuTwin.Kernels.Runtime;
using GpuTwin.Tests.Common;
using GpuTwin.VecEnv.Scenarios.CollaborativeMec;
using static GpuTwin.Tests.CollabMec.CollabMecTestBed;

namespace GpuTwin.Tests.CollabMec;

public sealed class DeterminismTests() : DeterminismSuite<CollabMecEnv>(Scenario, (device, grid) => new CollabMecEnv(device, grid))
{
    /// <summary>Every per-device and per-BS field of env <paramref name="e"/> (and its counter totals) as one vector.</summary>
    protected override float[] Snapshot(CollabMecEnv env, int e)
    {
        var s = env.State;
        int slots = env.NMax * env.UMax;
        return new EnvSnapshot(e)
            .Rows(slots, s.TxPowerW, s.BatteryJ, s.SizeBits, s.CyclesPerBit, s.DeadlineS, s.Award, s.Gain, s.HarvestJ, s.Rate0Bps,
                s.DemandHz, s.Priority, s.AllocHz, s.RateBps, s.DelayS, s.UploadEnergyJ)
            .Rows(slots, s.NnOffload, s.EnergyOk, s.Offload, s.Completed)
            .Rows(slots, s.Target)
            .Rows(env.NMax, s.HomeIncome)
            .Rows(env.Spec.Counters.Count, env.CounterTotals)
            .Rows(1, s.Reward)
            .Rows(1, s.EpisodeIndex)
            .Rows(1, s.Slot)
            .ToArray();
    }

    protected override SeedRuns Seeds => new(3, 12, [("episode_slots", 7)], "random", "ggpo");

    protected override IEnumerable<BatchCase> Batches =>
        new[] { "random", "lpwpo" }.Select(p => new BatchCase(p, p, 10, 64, [(1, 0), (8, 5), (64, 63)], ("episode_slots", 6)));

    // The sweep pads every env to U_max = 100; the draws are keyed by (bs, device), not by the padded flat index.
    protected override SweepCase SweepCell => new("ggpo", 8, 2, [("episode_slots", 5)], "devices_bs3=100,40",
        4, [("episode_slots", 5), ("devices_bs3", 40)], [(2, 2), (3, 3)], FirstCellDiffers: false);

    /// <summary>Padding changes the per-slot layout, so the cells compare by reward and counter totals.</summary>
    protected override void AssertSameEnv(CollabMecEnv fixedEnv, int f, CollabMecEnv swept, int s)
    {
        Assert.Equal(Read(fixedEnv.Reward(0))[f], Read(swept.Reward(0))[s]);
        Assert.Equal(Row(Read(fixedEnv.CounterTotals), f, fixedEnv.Spec.Counters.Count), Row(Read(swept.CounterTotals), s, swept.Spec.Counters.Count));
    }

    protected override void AssertSwept(CollabMecEnv swept, CollabMecEnv fixedEnv)
    {
        Assert.Equal(100, swept.UMax);
        Assert.Equal(55, fixedEnv.UMax);
    }

    /// <summary>Both views (central, per-BS agents) for each policy.</summary>
    protected override IEnumerable<BackendCase> Backends =>
        from p in new[] { "random", "ggpo" }
        from view in new[] { 0, 1 }
        select new BackendCase($"{p}, view={view}", p, 6,
            ("devices_bs1", 6), ("devices_bs2", 9), ("devices_bs3", 12), ("episode_slots", 4), ("cpu_hz", 0.2e9), ("view", view));

    protected override IEnumerable<float[]> Outputs(CollabMecEnv env) =>
    [
        Read(env.Observation(0)), Read(env.GlobalState), Read(env.FinalGlobalState), Read(env.FinalObservation), Read(env.AgentReward),
        Read(env.ActionMask(0)).Select(x => (float)x).ToArray(),
    ];

    [Fact]
    public void BothViews_GiveIdenticalPhysics_ForTheSameDecisions()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        float[][] RunView(int view)
        {
            using var env = Env(device, 4, ("view", view), ("episode_slots", 5));
            var snaps = new List<float[]>();
            env.Reset(21);
            for (int t = 0; t < 8; t++)
            {
                // The same proto-action per slot in both views: the per-bs agents' blocks concatenate in BS order.
                SetRandomProto(env, 100 + t);
                env.Observe(0);
                env.Step();
                snaps.Add(Enumerable.Range(0, 4).SelectMany(e => Snapshot(env, e)).ToArray());
            }
            device.Synchronize();
            return snaps.ToArray();
        }
        var central = RunView(0);
        var perBs = RunView(1);
        for (int t = 0; t < central.Length; t++) Assert.Equal(central[t], perBs[t]);
    }

    [Fact]
    public void ExogenousDraws_DoNotDependOnActions()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        float[] DrawsAfter(string policyName)
        {
            using var env = Env(device, 2, ("episode_slots", 0));
            Run(env, Policy(env, policyName, 4), 6, 4);
            var s = env.State;
            return new[] { s.TxPowerW, s.SizeBits, s.CyclesPerBit, s.DeadlineS, s.Award, s.Gain, s.HarvestJ }.SelectMany(v => Read(v)).ToArray();
        }
        var greedy = DrawsAfter("ggpo");
        Assert.Equal(greedy, DrawsAfter("random"));
        Assert.Equal(greedy, DrawsAfter("offload-all-home"));
    }
}
