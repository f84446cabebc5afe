using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Scenarios.IotMigration;
using static GpuTwin.Tests.IotMigration.IotMigrationTestBed;

namespace GpuTwin.Tests.IotMigration;

/// <summary>The invariants of spec §6 over random play across an episode boundary.</summary>
public class InvariantTests
{
    [Theory]
    [InlineData("random", 0)]
    [InlineData("greedy", 0)]
    [InlineData("random", 1)]
    public void SlotInvariants_Hold(string policy, int paperLiteral)
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        (string, double)[] set = paperLiteral == 1
            ? [("users_per_server", 30), ("episode_slots", 15), ("combine", 1), ("eq9", 1), ("auth_latency", 1)]
            : [("users_per_server", 30), ("episode_slots", 15)];
        using var env = Env(device, 2, set);
        var s = env.State;
        int n = 15, u = env.UMax;
        uint[] maskBefore = [];
        int[] episodeBefore = [];
        Run(env, Policy(env, policy, 2), 30, 31, beforeResolve: _ => { maskBefore = Read(s.SessionMask); episodeBefore = Read(s.Episode); }, afterResolve: _ =>
        {
            var eff = Read(s.ActionEff); var tx = Read(s.TxFlag); var target = Read(s.Target); var load = Read(s.Load);
            var tProc = Read(s.TProc); var tLocal = Read(s.TLocal); var bits = Read(s.TaskBits); var rate = Read(s.RateBps);
            var mask = Read(s.SessionMask); var refused = Read(s.Refused); var reward = Read(s.UserReward);
            for (int e = 0; e < 2; e++)
            {
                int x2 = 0, mig = 0, sumLoad = 0;
                for (int m = 0; m < n; m++) sumLoad += load[e * n + m];
                for (int i = 0; i < u; i++)
                {
                    int q = e * u + i;
                    if ((maskBefore[q] & ~mask[q]) != 0) Assert.Fail($"session bits were lost for env {e} user {i}");
                    if (tx[q] != 0) { x2++; if (IotMigrationRules.IsMigrate(eff[q], 5)) mig++; }
                    foreach (var f in new[] { tProc[q], tLocal[q], rate[q], reward[q], Read(s.Sinr)[q] })
                        Assert.True(float.IsFinite(f));
                    if (eff[q] == IotMigrationRules.NoTask) continue;
                    Assert.True(tProc[q] >= tLocal[q], "T_proc >= T_local");
                    Assert.True(tProc[q] > 0f);
                    if (refused[q] != 0) Assert.Equal(0, eff[q]);
                    if (eff[q] == 1) Assert.True(tProc[q] >= bits[q] / rate[q] + 1000f * bits[q] / 1e10f - 1e-6f, "θ = 0 STAY: T >= B/R + C·B/F_max");
                }
                Assert.Equal(x2 + mig, sumLoad);
            }
        });
    }

    [Fact]
    public void Truncation_EveryHSlots_WithAutoReset()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 3, ("users_per_server", 5), ("episode_slots", 4));
        var policy = Policy(env, "random");
        env.Reset(2);
        for (int t = 1; t <= 12; t++)
        {
            VecEnv.Running.PolicyRunner.StepOnce(env, policy, t);
            device.Synchronize();
            var trunc = Read(env.Truncated);
            Assert.All(trunc, x => Assert.Equal(t % 4 == 0 ? 1 : 0, x));
            Assert.All(Read(env.State.Slot), x => Assert.Equal(t % 4, x));
            Assert.All(Read(env.State.Episode), x => Assert.Equal(t / 4, x));
            Assert.All(Read(env.Terminated), x => Assert.Equal(0, x));
            if (t % 4 == 0) Assert.All(Read(env.State.SessionMask), x => Assert.Equal(0u, x));
        }
    }
}
