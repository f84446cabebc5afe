using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Scenarios.IomtMultiTask;
using static GpuTwin.Tests.Iomt.IomtTestBed;

namespace GpuTwin.Tests.Iomt;

public class DeterminismTests
{
    /// <summary>Every per-task and per-user field of env <paramref name="e"/> (and its counter totals) as one vector.</summary>
    private static float[] Snapshot(IomtEnv env, int e)
    {
        var s = env.State;
        int ut = env.UMax * env.JMax, u = env.UMax, c = env.Spec.Counters.Count;
        var parts = new List<float>();
        foreach (var v in new[] { s.DataBits, s.Cycles, s.PrioWeight, s.CpuHz, s.BwHz, s.RateBps, s.DelayS, s.EnergyJ, s.TaskReward })
            parts.AddRange(Row(Read(v), e, ut));
        foreach (var v in new[] { s.Priority, s.Target }) parts.AddRange(Row(Read(v), e, ut).Select(x => (float)x));
        foreach (var v in new[] { s.EnergyLeftJ, s.UserPosX, s.UserPosY, s.TxPowerW, s.RewardAgent }) parts.AddRange(Row(Read(v), e, u));
        parts.AddRange(Row(Read(s.MeanGainOverN0), e, u * env.KMax));
        parts.AddRange(Row(Read(env.CounterTotals), e, c).Select(x => (float)x));
        parts.Add(Read(s.RewardSystem)[e]);
        parts.Add(Read(s.EpisodeIndex)[e]);
        return parts.ToArray();
    }

    [Theory]
    [InlineData("random")]
    [InlineData("greedy-priority")]
    public void SameSeed_GivesTheSameTrajectory_AndAnotherSeedDoesNot(string policyName)
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        float[] RunOnce(ulong seed)
        {
            using var env = Env(device, 4);
            Run(env, Policy(env, policyName, seed), 30, seed);
            return Enumerable.Range(0, 4).SelectMany(e => Snapshot(env, e)).ToArray();
        }
        var a = RunOnce(11);
        Assert.Equal(a, RunOnce(11));
        Assert.NotEqual(a, RunOnce(12));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void EnvTrajectory_DoesNotDependOnTheNumberOfEnvs(int layoutKey)
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        float[] EnvState(int numEnvs, int e)
        {
            using var env = Env(device, numEnvs, ("layout_key", layoutKey));
            Run(env, Policy(env, "random", 5), 20, 5);
            return Snapshot(env, e);
        }
        using var big = Env(device, 256, ("layout_key", layoutKey));
        Run(big, Policy(big, "random", 5), 20, 5);
        Assert.Equal(EnvState(1, 0), Snapshot(big, 0));
        Assert.Equal(EnvState(8, 5), Snapshot(big, 5));
        Assert.Equal(EnvState(200, 199), Snapshot(big, 199));
    }

    [Fact]
    public void RunLayout_IsSharedByAllEnvs_EnvLayoutIsNot()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        float[] Positions(int key, int e)
        {
            using var env = Env(device, 3, ("layout_key", key));
            env.Reset(9);
            device.Synchronize();
            return Row(Read(env.State.UserPosX), e, 8);
        }
        Assert.Equal(Positions(0, 0), Positions(0, 2));
        Assert.NotEqual(Positions(1, 0), Positions(1, 2));
    }

    [Fact]
    public void SweepCell_EqualsTheSameEnvsRunWithSet()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var swept = new IomtEnv(device, Grid(2, [], SweepOf("servers=2,6")));
        Run(swept, Policy(swept, "greedy-priority"), 20, 3);
        using var fixedEnv = Env(device, 4, ("servers", 6));
        Run(fixedEnv, Policy(fixedEnv, "greedy-priority"), 20, 3);
        for (int e = 2; e < 4; e++) Assert.Equal(Snapshot(fixedEnv, e), Snapshot(swept, e));
    }

    [Theory]
    [InlineData("random", 0)]
    [InlineData("greedy-priority", 1)]
    public void HostPath_And_IlgpuCpuAccelerator_Agree(string policyName, int fading)
    {
        (string, double)[] set = [("users", 3), ("tasks", 4), ("servers", 2), ("episode_steps", 6), ("fading", fading), ("cap_j", 0.01)];
        float[][] RunOn(DeviceKind kind)
        {
            using var device = ComputeDevice.Create(kind);
            using var env = Env(device, 3, set);
            Run(env, Policy(env, policyName, 9), 15, 9, observe: true);
            env.ObserveGlobal();
            var snaps = Enumerable.Range(0, 3).Select(e => Snapshot(env, e)).ToList();
            snaps.Add(Read(env.Observation(0)));
            snaps.Add(Read(env.CorrectedObservation));
            snaps.Add(Read(env.GlobalState));
            snaps.Add(Read(env.FinalGlobalState));
            snaps.Add(Read(env.FinalObservation));
            return snaps.ToArray();
        }
        var host = RunOn(DeviceKind.Cpu);
        var emulator = RunOn(DeviceKind.IlgpuCpu);
        Assert.Equal(host.Length, emulator.Length);
        for (int i = 0; i < host.Length; i++) Assert.Equal(host[i], emulator[i]);
    }
}
