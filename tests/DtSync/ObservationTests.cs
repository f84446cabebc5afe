using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Scenarios.DtSyncMigration;
using static GpuTwin.Tests.DtSync.DtSyncTestBed;

namespace GpuTwin.Tests.DtSync;

public class ObservationTests
{
    [Fact]
    public void Sizes_AtTheDefaults_AreThoseOfSpecSection5And10()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 1);
        var g = env.Spec.Groups;
        Assert.Equal(["mu", "cc", "bs"], g.Select(x => x.Name));
        Assert.Equal((30, 17), (g[0].Count, g[0].ObservationSize));   // 2M + 7
        Assert.Equal((1, 220), (g[1].Count, g[1].ObservationSize));   // KM + 2M + 2K
        Assert.Equal((5, 401), (g[2].Count, g[2].ObservationSize));   // 1 + 2M + K(M + 8)
        Assert.Equal(581, env.Spec.GlobalStateSize);                  // 9K + 2M + 2KM + 1
        Assert.Equal(36, env.Spec.AgentsPerEnv);
        Assert.Equal(60, g[2].ActionSpace.ContinuousWidth);
        Assert.Equal(30, g[1].ActionSpace.DiscreteWidth);
    }

    [Fact]
    public void MuAndBsObservations_HoldTheNormalisedState()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 2, ("K", 6), ("M", 3));
        var policy = Policy(env, "follow");
        env.Reset(7);
        for (int g = 0; g < 3; g++) { policy.Act(env, g, 0); env.Observe(g); }
        var s = env.State;
        var mu = Read(env.Observation(0));
        var bs = Read(env.Observation(2));
        var x = Read(s.PosX); var y = Read(s.PosY); var req = Read(s.Requested); var d = Read(s.DataBits);
        var c = Read(s.CyclesPerBit); var bsPos = Read(s.BsPos); var assoc = Read(s.MuAssocAction); var host = Read(s.DtHost);
        int obs = 2 * 3 + 7;
        int blocks = 0;
        for (int e = 0; e < 2; e++)
        {
            for (int k = 0; k < 6; k++)
            {
                int i = e * 6 + k, o = i * obs;
                Assert.Equal(k / 6f, mu[o]);
                Assert.Equal(x[i] / 1000f, mu[o + 1], 6);
                Assert.Equal(y[i] / 1000f, mu[o + 2], 6);
                Assert.Equal(bsPos[(e * 3 + 2) * 2] / 1000f, mu[o + 3 + 4], 6);
                Assert.Equal(req[i], mu[o + 9]);
                Assert.Equal(d[i] / 2.5e4f, mu[o + 10], 6);
                Assert.Equal(c[i] / 700f, mu[o + 11], 6);
                Assert.Equal(req[i] != 0 ? 1f : 0f, mu[o + 12], 6);
            }
            // BS block of MU k at its serving BS: mask, α = 1, ζ one-hot of β, hostsDt.
            int bsObs = 1 + 2 * 3 + 6 * (3 + 8), head = 1 + 2 * 3;
            for (int k = 0; k < 6; k++)
            {
                int i = e * 6 + k;
                int b = (e * 3 + assoc[i]) * bsObs + head + k * 11;
                if (req[i] == 0) { Assert.Equal(0f, bs[b]); continue; }
                blocks++;
                Assert.Equal(1f, bs[b]);
                Assert.Equal(1f, bs[b + 1]);
                Assert.Equal(d[i] / 2.5e4f, bs[b + 4], 6);
                Assert.Equal(1f, bs[b + 7 + host[i]]);
                Assert.Equal(host[i] == assoc[i] ? 1f : 0f, bs[b + 7 + 3]);
            }
        }
        Assert.True(blocks > 0);
    }

    [Fact]
    public void PaddedMus_OfASweptK_AreZeroEverywhere()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = new DtSyncEnv(device, Grid(1, [], Sweep.Parse(DtSyncParameters.Table, "K=4,8")));
        var policy = Policy(env, "random");
        env.Reset(1);
        for (int t = 0; t < 30; t++)
        {
            for (int g = 0; g < 3; g++) { env.Observe(g); policy.Act(env, g, t); }
            env.Step();
        }
        env.Observe(0);
        env.ObserveGlobal();
        var mu = Read(env.Observation(0));
        int obs = env.Spec.Groups[0].ObservationSize;
        for (int k = 4; k < 8; k++)
            for (int j = 0; j < obs; j++) Assert.Equal(0f, mu[k * obs + j]);
        Assert.Contains(mu.Skip(8 * obs).Take(8 * obs), v => v != 0f);
        Assert.All(Read(env.State.EnergyJ).Take(8).Skip(4), v => Assert.Equal(0f, v));
        var totals = Read(env.CounterTotals);
        int c = env.Spec.Counters.Count;
        Assert.Equal(4.0 * 30, totals[DtSyncCounters.MuSlots]);
        Assert.Equal(8.0 * 30, totals[c + DtSyncCounters.MuSlots]);
    }
}
