using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Scenarios.DtSyncMigration;
using static GpuTwin.Tests.DtSync.DtSyncTestBed;

namespace GpuTwin.Tests.DtSync;

/// <summary>Invariants of spec §6 over thousands of env-steps, with auto-resets inside the run.</summary>
public class InvariantTests
{
    private const int Envs = 16, K = 12, M = 4, T = 25, G = 4, Steps = 1500;
    private const float Pmax = 0.5f, Fmax = 1e10f, Wired = 1e7f, SlotS = 0.05f;

    [Theory]
    [InlineData("random")]
    [InlineData("deadline")]
    [InlineData("rx-equalise")]
    public void ResourcesPowersQueuesAndNumbers_StayValid(string policyName)
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, Envs, ("K", K), ("M", M), ("T", T), ("Q", 4), ("mig_slots", G));
        var policy = Policy(env, policyName, 21);
        var s = env.State;
        var blockedRun = new int[Envs * K];
        int migrationsSeen = 0, blockedFailures = 0;
        Run(env, policy, Steps, 21, observe: true, afterResolve: t =>
        {
            var req = Read(s.Requested); var blocked = Read(s.Blocked); var failed = Read(s.Failed);
            var tx = Read(s.TxPowerW); var transmitting = Read(s.Transmitting); var energy = Read(s.EnergyJ);
            var cpu = Read(s.CpuHz); var wired = Read(s.WiredBps); var host = Read(s.DtHost); var assoc = Read(s.Assoc);
            var y = Read(s.VQueue); var delay = Read(s.DelayS); var slot = Read(s.Slot); var migs = Read(s.FrameMigrations);
            foreach (var field in new[] { Read(s.Sinr), Read(s.RateBps), delay, energy, y, Read(s.Gain), tx, cpu, wired,
                         Read(env.Reward(0)), Read(env.Reward(1)), Read(env.Observation(0)), Read(env.Observation(1)), Read(env.Observation(2)) })
                Assert.All(field, v => Assert.True(float.IsFinite(v), $"non-finite value at step {t}"));
            for (int e = 0; e < Envs; e++)
            {
                var cpuUsed = new double[M];
                var wiredUsed = new double[M * M];
                for (int k = 0; k < K; k++)
                {
                    int i = e * K + k;
                    Assert.InRange(tx[i], 0f, Pmax);
                    Assert.InRange(energy[i], 0f, Pmax * SlotS);
                    Assert.True(y[i] >= 0f);
                    Assert.InRange(delay[i], 0f, 1e9f);
                    cpuUsed[host[i]] += cpu[i];
                    if (assoc[i] != host[i]) wiredUsed[assoc[i] * M + host[i]] += wired[i];
                    if (blocked[i] != 0)
                    {
                        Assert.Equal(0, transmitting[i]);
                        Assert.Equal(req[i], failed[i]);
                        blockedFailures += failed[i];
                        if (blockedRun[i] == 0)
                        {
                            // A block starts only at a frame start with a migration.
                            Assert.Equal(0, slot[e] % T);
                            Assert.True(migs[e] > 0);
                        }
                        blockedRun[i]++;
                    }
                    else
                    {
                        if (blockedRun[i] != 0) Assert.Equal(G, blockedRun[i]);
                        blockedRun[i] = 0;
                    }
                    if (req[i] == 0) Assert.Equal(0, failed[i]);
                }
                for (int m = 0; m < M; m++) Assert.True(cpuUsed[m] <= Fmax * (1 + Tolerances.ShareSum), $"CPU of BS {m} oversubscribed");
                foreach (var w in wiredUsed) Assert.True(w <= Wired * (1 + Tolerances.ShareSum), "wired link oversubscribed");
                migrationsSeen += migs[e];
            }
        });
        if (policyName == "random")
        {
            Assert.True(migrationsSeen > 100, "random proposals should migrate often");
            Assert.True(blockedFailures > 0);
        }
        Assert.True(Read(env.CounterTotals).All(double.IsFinite));
    }

    [Theory]
    [InlineData(1e7, 10)]  // ⌈5e6 bit / (1e7 bit/s · 0.05 s)⌉ = 10 slots (the spec's default G)
    [InlineData(5e6, 20)]  // half the link rate: twice as long
    [InlineData(1e6, 39)]  // 100 slots would not fit in a frame: capped at T − 1
    public void DerivedMigrationDuration_BlocksForTheDtTransferTime(double wiredBps, int expectedG)
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 4, ("K", 6), ("M", 3), ("T", 40), ("Q", 3), ("mig_duration", 1), ("wired_bps", wiredBps), ("mig_slots", 99));
        var s = env.State;
        var run = new int[4 * 6];
        var lengths = new List<int>();
        Run(env, Policy(env, "random", 2), 119, 2, afterResolve: _ =>
        {
            var blocked = Read(s.Blocked);
            for (int i = 0; i < run.Length; i++)
            {
                if (blocked[i] != 0) run[i]++;
                else if (run[i] > 0) { lengths.Add(run[i]); run[i] = 0; }
            }
        });
        Assert.True(lengths.Count > 10);
        Assert.All(lengths, l => Assert.Equal(expectedG, l));
    }

    [Fact]
    public void DeadlineRange_DrawsTauUniformlyBetweenTheBounds()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 8, ("deadline_s", 0.02), ("deadline_max_s", 0.06));
        var taus = new List<float>();
        Run(env, Policy(env, "static"), 50, 4, afterResolve: _ =>
        {
            var req = Read(env.State.Requested);
            var tau = Read(env.State.DeadlineS);
            for (int i = 0; i < req.Length; i++) if (req[i] != 0) taus.Add(tau[i]);
        });
        Assert.All(taus, t => Assert.InRange(t, 0.02f, 0.06f));
        Assert.InRange(taus.Average(), 0.039, 0.041);
    }

    [Fact]
    public void Episode_IsTruncatedAfterQTimesTSlots_AndAutoResetKeepsTheFinalState()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 2, ("K", 5), ("T", 10), ("Q", 3), ("mig_slots", 2));
        var policy = Policy(env, "random", 4);
        env.Reset(4);
        for (int t = 1; t <= 65; t++)
        {
            for (int g = 0; g < 3; g++) policy.Act(env, g, t);
            env.ObserveGlobal();
            var before = Read(env.GlobalState);
            env.Step();
            var truncated = Read(env.Truncated);
            var slot = Read(env.State.Slot);
            var episode = Read(env.State.EpisodeIndex);
            bool end = t % 30 == 0;
            Assert.All(truncated, x => Assert.Equal(end ? 1 : 0, x));
            Assert.All(slot, n => Assert.Equal(t % 30, n));
            Assert.All(episode, ep => Assert.Equal(t / 30, ep));
            if (end)
            {
                // After the move to slot 30 the final state differs from the pre-step one only by the
                // slot's own changes; its queue part is finite and the reset state has empty queues.
                var final = Read(env.FinalGlobalState);
                Assert.NotEqual(before, final);
                Assert.All(Read(env.State.VQueue), v => Assert.Equal(0f, v));
                Assert.All(Read(env.State.MigCountdown), c => Assert.Equal(0, c));
            }
        }
        var totals = Read(env.CounterTotals);
        int c = env.Spec.Counters.Count;
        Assert.Equal(2.0, totals[DtSyncCounters.Episodes]);
        Assert.Equal(65.0, totals[DtSyncCounters.EnvSteps]);
        Assert.Equal(2.0, totals[c + DtSyncCounters.Episodes]);
    }
}
