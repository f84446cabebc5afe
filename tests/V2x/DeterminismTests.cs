using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Scenarios.V2xOffloading;
using static GpuTwin.Tests.V2x.V2xTestBed;

namespace GpuTwin.Tests.V2x;

public class DeterminismTests
{
    /// <summary>Every per-vehicle field of env <paramref name="e"/> (and its counter totals) as one vector.</summary>
    private static float[] Snapshot(V2xEnv env, int e)
    {
        var s = env.State;
        int m = env.MMax, n = env.NMax, c = env.Spec.Counters.Count;
        var parts = new List<float>();
        foreach (var v in new[] { s.PosX, s.PosY, s.Heading, s.TaskBits, s.TxPowerW, s.CpuHz, s.BwHz, s.RateBps, s.DelayS, s.EnergyJ, s.CostI, s.Rho2 })
            parts.AddRange(Row(Read(v), e, m));
        foreach (var v in new[] { s.Target, s.UploadEs, s.AccessEs })
            parts.AddRange(Row(Read(v), e, m).Select(x => (float)x));
        foreach (var v in new[] { s.DistM, s.GainLs, s.FadeH })
            parts.AddRange(Row(Read(v), e, m * n));
        foreach (var v in new[] { s.FmaxHz, s.DtFremHz, s.DtBremHz })
            parts.AddRange(Row(Read(v), e, n));
        parts.AddRange(Row(Read(s.TurnObs), e, m * s.ObsSize));
        parts.AddRange(Row(Read(env.CounterTotals), e, c).Select(x => (float)x));
        parts.Add(Read(s.Reward)[e]);
        return parts.ToArray();
    }

    private static readonly (string, double)[] Small = [("episode_slots", 20)];

    [Theory]
    [InlineData("random")]
    [InlineData("rocs")]
    [InlineData("greedy-dt")]
    public void SameSeed_GivesTheSameTrajectory_AndAnotherSeedDoesNot(string policyName)
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        float[] RunOnce(ulong seed)
        {
            using var env = Env(device, 8, Small);
            Run(env, Policy(env, policyName, seed), 50, seed);
            return Enumerable.Range(0, 8).SelectMany(e => Snapshot(env, e)).ToArray();
        }
        var a = RunOnce(11);
        Assert.Equal(a, RunOnce(11));
        Assert.NotEqual(a, RunOnce(12));
    }

    [Fact]
    public void EnvTrajectory_DoesNotDependOnTheNumberOfEnvs()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        float[] EnvState(int numEnvs, int e)
        {
            using var env = Env(device, numEnvs, Small);
            Run(env, Policy(env, "rocs", 5), 45, 5);
            return Snapshot(env, e);
        }
        using var big = Env(device, 100, Small);
        Run(big, Policy(big, "rocs", 5), 45, 5);
        Assert.Equal(EnvState(1, 0), Snapshot(big, 0));
        Assert.Equal(EnvState(8, 5), Snapshot(big, 5));
        Assert.Equal(EnvState(100, 99), Snapshot(big, 99));
    }

    [Fact]
    public void SweepCell_EqualsTheSameEnvsRunWithSet()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        var sweep = Sweep.Parse(V2xParameters.Table, "speed_mps=5,20");
        using var swept = new V2xEnv(device, Grid(4, Small, sweep));
        Run(swept, Policy(swept, "greedy-dt"), 30, 3);
        using var fixedEnv = Env(device, 4, [.. Small, ("speed_mps", 20)]);
        Run(fixedEnv, Policy(fixedEnv, "greedy-dt"), 30, 3);
        // Cell 1 (envs 4..7) are replicates 0..3 of speed 20: common random numbers across cells.
        for (int e = 0; e < 4; e++) Assert.Equal(Snapshot(fixedEnv, e), Snapshot(swept, 4 + e));
        Assert.NotEqual(Snapshot(fixedEnv, 0), Snapshot(swept, 0));
        // Same draws in both cells: identical tasks, fades and ES capacities; only the speed differs.
        var s = swept.State;
        Assert.Equal(Row(Read(s.TaskBits), 0, 10), Row(Read(s.TaskBits), 4, 10));
        Assert.Equal(Row(Read(s.FmaxHz), 1, 3), Row(Read(s.FmaxHz), 5, 3));
    }

    [Fact]
    public void PaddedVehicles_DoNotChangeTheActiveOnes()
    {
        // An M = 10 env inside an M = 10,20 sweep (padded to 20) equals an M = 10 batch.
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var swept = new V2xEnv(device, Grid(2, Small, Sweep.Parse(V2xParameters.Table, "M=10,20")));
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

    [Theory]
    [InlineData("random")]
    [InlineData("greedy-dt")]
    [InlineData("rocs")]
    public void HostPath_And_IlgpuCpuAccelerator_Agree(string policyName)
    {
        (string, double)[] set = [("M", 6), ("episode_slots", 10)];
        float[][] RunOn(DeviceKind kind)
        {
            using var device = ComputeDevice.Create(kind);
            using var env = Env(device, 3, set);
            Run(env, Policy(env, policyName, 9), 25, 9, observe: true);
            env.ObserveGlobal();
            var snaps = Enumerable.Range(0, 3).Select(e => Snapshot(env, e)).ToList();
            snaps.Add(Read(env.Observation(V2xEnv.VehicleGroup)));
            snaps.Add(Read(env.GlobalState));
            snaps.Add(Read(env.FinalGlobalState));
            snaps.Add(Read(env.ActionMask(V2xEnv.VehicleGroup)).Select(x => (float)x).ToArray());
            return snaps.ToArray();
        }
        var host = RunOn(DeviceKind.Cpu);
        var emulator = RunOn(DeviceKind.IlgpuCpu);
        Assert.Equal(host.Length, emulator.Length);
        for (int i = 0; i < host.Length; i++) Assert.Equal(host[i], emulator[i]);
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
            GpuTwin.VecEnv.Running.PolicyRunner.StepOnce(env, policy, t);
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
