using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Scenarios.IotMigration;
using static GpuTwin.Tests.IotMigration.IotMigrationTestBed;

namespace GpuTwin.Tests.IotMigration;

public class DeterminismTests
{
    /// <summary>Every per-user field of env <paramref name="e"/>, its per-server fields and counter totals as one vector.</summary>
    private static float[] Snapshot(IotMigrationEnv env, int e)
    {
        var s = env.State;
        int u = env.UMax, n = env.NumServers, c = env.Spec.Counters.Count;
        var parts = new List<float>();
        foreach (var v in new[] { s.PosX, s.PosY, s.Heading, s.TaskBits, s.Lambda, s.Sinr, s.RateBps, s.HandshakeS, s.TProc, s.UserReward, s.DistRatio })
            parts.AddRange(Row(Read(v), e, u));
        foreach (var v in new[] { s.Requested, s.Action, s.ActionEff, s.Context, s.Refused, s.AuthOk, s.ObsIl, s.FinalObsIl })
            parts.AddRange(Row(Read(v), e, u).Select(x => (float)x));
        foreach (var v in new[] { s.Serving, s.Target, s.Order, s.ObsJal, s.FinalObsJal, s.CredIndex })
            parts.AddRange(Row(Read(v), e, u).Select(x => (float)x));
        parts.AddRange(Row(Read(s.SessionMask), e, u).Select(x => (float)x));
        parts.AddRange(Row(Read(s.ReqServing), e, n).Select(x => (float)x));
        parts.AddRange(Row(Read(s.Load), e, n).Select(x => (float)x));
        // The audit count is a run-level sample over the batch's envs (spec §6.A.5), the one counter that depends on E.
        var totals = Row(Read(env.CounterTotals), e, c);
        totals[IotMigrationCounters.Audits] = 0;
        parts.AddRange(totals.Select(x => (float)x));
        parts.Add(Read(s.RewardEnv)[e]);
        parts.Add(Read(s.NReq)[e]);
        parts.Add(Read(s.Episode)[e]);
        return parts.ToArray();
    }

    [Theory]
    [InlineData("random")]
    [InlineData("greedy")]
    public void SameSeed_GivesTheSameTrajectory_AndAnotherSeedDoesNot(string policy)
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        float[] RunOnce(ulong seed)
        {
            using var env = Env(device, 2, ("users_per_server", 5), ("episode_slots", 10));
            Run(env, Policy(env, policy, seed), 25, seed);
            return Snapshot(env, 0).Concat(Snapshot(env, 1)).ToArray();
        }
        var a = RunOnce(11);
        Assert.Equal(a, RunOnce(11));
        Assert.NotEqual(a, RunOnce(12));
    }

    [Fact]
    public void EnvTrajectory_DoesNotDependOnTheNumberOfEnvs()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        (string, double)[] set = [("users_per_server", 2), ("episode_slots", 8), ("lambda_max", 1)];
        using var big = Env(device, 64, set);
        Run(big, Policy(big, "greedy", 5), 20, 5);
        foreach (var (envs, e) in new[] { (1, 0), (8, 5) })
        {
            using var small = Env(device, envs, set);
            Run(small, Policy(small, "greedy", 5), 20, 5);
            Assert.Equal(Snapshot(small, e), Snapshot(big, e));
        }
        Assert.NotEqual(Snapshot(big, 0), Snapshot(big, 63));
    }

    [Fact]
    public void SweepCell_EqualsTheSameEnvsRunWithSet()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var swept = new IotMigrationEnv(device, Grid(2, [("episode_slots", 6)], SweepOf("users_per_server=2,4")), new FixedVerdictAuthority());
        Run(swept, Policy(swept, "random"), 10, 3);
        using var fixedEnv = Env(device, 4, ("users_per_server", 4), ("episode_slots", 6));
        Run(fixedEnv, Policy(fixedEnv, "random"), 10, 3);
        for (int e = 2; e < 4; e++) Assert.Equal(Snapshot(fixedEnv, e), Snapshot(swept, e));
    }

    [Theory]
    [InlineData("random")]
    [InlineData("greedy")]
    public void HostPath_And_IlgpuCpuAccelerator_AreBitIdentical(string policy)
    {
        (string, double)[] set = [("users_per_server", 1), ("servers", 6), ("episode_slots", 5), ("lambda_max", 2), ("bad_fraction", 0.3)];
        float[][] RunOn(DeviceKind kind)
        {
            using var device = ComputeDevice.Create(kind);
            using var env = Env(device, 3, set);
            Run(env, Policy(env, policy, 9), 12, 9, observe: true);
            env.ObserveGlobal();
            device.Synchronize();
            var snaps = Enumerable.Range(0, 3).Select(e => Snapshot(env, e)).ToList();
            snaps.Add(Read(env.Observation(0)));
            snaps.Add(Read(env.GlobalState));
            snaps.Add(Read(env.FinalGlobalState));
            return snaps.ToArray();
        }
        var host = RunOn(DeviceKind.Cpu);
        var emulator = RunOn(DeviceKind.IlgpuCpu);
        for (int i = 0; i < host.Length; i++) Assert.Equal(host[i], emulator[i]);
    }
}
