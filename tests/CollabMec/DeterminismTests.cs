using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Scenarios.CollaborativeMec;
using static GpuTwin.Tests.CollabMec.CollabMecTestBed;

namespace GpuTwin.Tests.CollabMec;

public class DeterminismTests
{
    /// <summary>Every per-device and per-BS field of env <paramref name="e"/> (and its counter totals) as one vector.</summary>
    private static float[] Snapshot(CollabMecEnv env, int e)
    {
        var s = env.State;
        int slots = env.NMax * env.UMax, c = env.Spec.Counters.Count;
        var parts = new List<float>();
        foreach (var v in new[] { s.TxPowerW, s.BatteryJ, s.SizeBits, s.CyclesPerBit, s.DeadlineS, s.Award, s.Gain, s.HarvestJ, s.Rate0Bps,
                     s.DemandHz, s.Priority, s.AllocHz, s.RateBps, s.DelayS, s.UploadEnergyJ })
            parts.AddRange(Row(Read(v), e, slots));
        foreach (var v in new[] { s.NnOffload, s.EnergyOk, s.Offload, s.Completed }) parts.AddRange(Row(Read(v), e, slots).Select(x => (float)x));
        parts.AddRange(Row(Read(s.Target), e, slots).Select(x => (float)x));
        parts.AddRange(Row(Read(s.HomeIncome), e, env.NMax));
        parts.AddRange(Row(Read(env.CounterTotals), e, c).Select(x => (float)x));
        parts.Add(Read(s.Reward)[e]);
        parts.Add(Read(s.EpisodeIndex)[e]);
        parts.Add(Read(s.Slot)[e]);
        return parts.ToArray();
    }

    [Theory]
    [InlineData("random")]
    [InlineData("ggpo")]
    public void SameSeed_GivesTheSameTrajectory_AndAnotherSeedDoesNot(string policyName)
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        float[] RunOnce(ulong seed)
        {
            using var env = Env(device, 3, ("episode_slots", 7));
            Run(env, Policy(env, policyName, seed), 12, seed);
            return Enumerable.Range(0, 3).SelectMany(e => Snapshot(env, e)).ToArray();
        }
        var a = RunOnce(11);
        Assert.Equal(a, RunOnce(11));
        Assert.NotEqual(a, RunOnce(12));
    }

    [Theory]
    [InlineData("random")]
    [InlineData("lpwpo")]
    public void EnvTrajectory_DoesNotDependOnTheNumberOfEnvs(string policyName)
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        (string, double)[] set = [("episode_slots", 6)];
        float[] EnvState(int numEnvs, int e)
        {
            using var env = Env(device, numEnvs, set);
            Run(env, Policy(env, policyName, 5), 10, 5);
            return Snapshot(env, e);
        }
        using var big = Env(device, 64, set);
        Run(big, Policy(big, policyName, 5), 10, 5);
        Assert.Equal(EnvState(1, 0), Snapshot(big, 0));
        Assert.Equal(EnvState(8, 5), Snapshot(big, 5));
        Assert.Equal(EnvState(64, 63), Snapshot(big, 63));
    }

    [Fact]
    public void SweepCell_EqualsTheSameEnvsRunWithSet_EvenWithMorePadding()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        // The sweep pads every env to U_max = 100; the draws are keyed by (bs, device), not by the padded flat index.
        using var swept = new CollabMecEnv(device, Grid(2, [("episode_slots", 5)], SweepOf("devices_bs3=100,40")));
        Run(swept, Policy(swept, "ggpo"), 8, 3);
        using var fixedEnv = Env(device, 4, ("episode_slots", 5), ("devices_bs3", 40));
        Run(fixedEnv, Policy(fixedEnv, "ggpo"), 8, 3);
        Assert.Equal(100, swept.UMax);
        Assert.Equal(55, fixedEnv.UMax);
        for (int e = 2; e < 4; e++)
        {
            Assert.Equal(Read(fixedEnv.Reward(0))[e], Read(swept.Reward(0))[e]);
            Assert.Equal(Row(Read(fixedEnv.CounterTotals), e, fixedEnv.Spec.Counters.Count), Row(Read(swept.CounterTotals), e, swept.Spec.Counters.Count));
        }
    }

    [Theory]
    [InlineData("random")]
    [InlineData("ggpo")]
    public void HostPath_And_IlgpuCpuAccelerator_AreBitIdentical(string policyName)
    {
        (string, double)[] set = [("devices_bs1", 6), ("devices_bs2", 9), ("devices_bs3", 12), ("episode_slots", 4), ("cpu_hz", 0.2e9)];
        float[][] RunOn(DeviceKind kind, bool perBs)
        {
            using var device = ComputeDevice.Create(kind);
            using var env = Env(device, 3, [.. set, ("view", perBs ? 1 : 0)]);
            Run(env, Policy(env, policyName, 9), 6, 9, observe: true);
            env.ObserveGlobal();
            var snaps = Enumerable.Range(0, 3).Select(e => Snapshot(env, e)).ToList();
            snaps.Add(Read(env.Observation(0)));
            snaps.Add(Read(env.GlobalState));
            snaps.Add(Read(env.FinalGlobalState));
            snaps.Add(Read(env.FinalObservation));
            snaps.Add(Read(env.AgentReward));
            snaps.Add(Read(env.ActionMask(0)).Select(x => (float)x).ToArray());
            return snaps.ToArray();
        }
        foreach (bool perBs in new[] { false, true })
        {
            var host = RunOn(DeviceKind.Cpu, perBs);
            var emulator = RunOn(DeviceKind.IlgpuCpu, perBs);
            Assert.Equal(host.Length, emulator.Length);
            for (int i = 0; i < host.Length; i++) Assert.Equal(host[i], emulator[i]);
        }
    }

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
