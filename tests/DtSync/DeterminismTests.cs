using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Scenarios.DtSyncMigration;
using static GpuTwin.Tests.DtSync.DtSyncTestBed;

namespace GpuTwin.Tests.DtSync;

public class DeterminismTests
{
    /// <summary>Every per-MU field of env <paramref name="e"/> (and its counter totals) as one vector.</summary>
    private static float[] Snapshot(DtSyncEnv env, int e)
    {
        var s = env.State;
        int k = env.KMax, c = env.Spec.Counters.Count;
        var parts = new List<float>();
        foreach (var v in new[] { s.PosX, s.PosY, s.Speed, s.Heading, s.VQueue, s.EnergyJ, s.Sinr, s.DelayS, s.DataBits })
            parts.AddRange(Row(Read(v), e, k));
        foreach (var v in new[] { s.DtHost, s.MigCountdown, s.Assoc })
            parts.AddRange(Row(Read(v), e, k).Select(x => (float)x));
        parts.AddRange(Row(Read(s.Gain), e, k * env.MMax));
        parts.AddRange(Row(Read(env.CounterTotals), e, c).Select(x => (float)x));
        parts.Add(Read(s.RewardGlobal)[e]);
        parts.Add(Read(s.RewardCenter)[e]);
        return parts.ToArray();
    }

    private static readonly (string, double)[] Small = [("T", 10), ("Q", 3), ("mig_slots", 3)];

    [Theory]
    [InlineData("random")]
    [InlineData("deadline")]
    public void SameSeed_GivesTheSameTrajectory_AndAnotherSeedDoesNot(string policyName)
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        float[] RunOnce(ulong seed)
        {
            using var env = Env(device, 8, Small);
            var p = Policy(env, policyName, seed);
            Run(env, p, 70, seed);
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
            Run(env, Policy(env, "random", 5), 40, 5);
            return Snapshot(env, e);
        }
        using var big = Env(device, 1024, Small);
        Run(big, Policy(big, "random", 5), 40, 5);
        Assert.Equal(EnvState(1, 0), Snapshot(big, 0));
        Assert.Equal(EnvState(8, 5), Snapshot(big, 5));
        Assert.Equal(EnvState(1000, 999), Snapshot(big, 999));
    }

    [Fact]
    public void SweepCell_EqualsTheSameEnvsRunWithSet()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        var sweep = Sweep.Parse(DtSyncParameters.Table, "lambda=0.3,0.7");
        using var swept = new DtSyncEnv(device, Grid(4, Small, sweep));
        Run(swept, Policy(swept, "follow"), 50, 3);
        using var fixedEnv = Env(device, 8, [.. Small, ("lambda", 0.7)]);
        Run(fixedEnv, Policy(fixedEnv, "follow"), 50, 3);
        for (int e = 4; e < 8; e++) Assert.Equal(Snapshot(fixedEnv, e), Snapshot(swept, e));
        Assert.NotEqual(Snapshot(fixedEnv, 0), Snapshot(swept, 0));
    }

    [Theory]
    [InlineData("random")]
    [InlineData("deadline")]
    public void HostPath_And_IlgpuCpuAccelerator_Agree(string policyName)
    {
        // ILGPU's CPU accelerator runs the same IL with the same XMath software functions, so the
        // agreement is exact; a GPU would differ within float tolerance (see docs/benchmarks.md).
        (string, double)[] set = [("K", 6), ("M", 3), ("T", 10), ("Q", 2), ("mig_slots", 3)];
        float[][] RunOn(DeviceKind kind)
        {
            using var device = ComputeDevice.Create(kind);
            using var env = Env(device, 3, set);
            Run(env, Policy(env, policyName, 9), 25, 9, observe: true);
            env.ObserveGlobal();
            var snaps = Enumerable.Range(0, 3).Select(e => Snapshot(env, e)).ToList();
            snaps.Add(Read(env.Observation(DtSyncEnv.BsGroup)));
            snaps.Add(Read(env.GlobalState));
            snaps.Add(Read(env.FinalGlobalState));
            return snaps.ToArray();
        }
        var host = RunOn(DeviceKind.Cpu);
        var emulator = RunOn(DeviceKind.IlgpuCpu);
        Assert.Equal(host.Length, emulator.Length);
        for (int i = 0; i < host.Length; i++) Assert.Equal(host[i], emulator[i]);
    }
}
