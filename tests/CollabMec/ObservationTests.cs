using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Scenarios.CollaborativeMec;
using GpuTwin.VecEnv.Scenarios.CollaborativeMec.Kernels;
using static GpuTwin.Tests.CollabMec.CollabMecTestBed;

namespace GpuTwin.Tests.CollabMec;

public class ObservationTests
{
    [Theory]
    [InlineData(0, 0, 0, 1930, 1200, 1)]
    [InlineData(1, 0, 0, 658, 400, 3)]
    [InlineData(1, 0, 1, 661, 400, 3)]
    [InlineData(0, 1, 0, 2890, 1200, 1)]
    [InlineData(1, 1, 0, 978, 400, 3)]
    public void Sizes_AtTheDefaults_MatchTheSpec(int view, int extras, int agentId, int obs, int action, int agents)
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 1, ("view", view), ("obs_extras", extras), ("agent_id_in_obs", agentId));
        var g = Assert.Single(env.Spec.Groups);
        Assert.Equal(obs, g.ObservationSize);
        Assert.Equal(action, g.ActionSpace.ContinuousWidth);
        Assert.Equal(agents, g.Count);
        Assert.Equal(extras == 1 ? 2890 : 1930, env.Spec.GlobalStateSize);
        Assert.Equal(["income"], env.Spec.RewardStreams);
    }

    [Fact]
    public void CentralFeatures_AndTail_AreTheNormalisedState()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 2, ("obs_extras", 1), ("wired_topology", 1), ("episode_slots", 10));
        var s = env.State;
        var policy = Policy(env, "ggpo");
        env.Reset(6);
        for (int t = 0; t < 3; t++) GpuTwin.VecEnv.Running.PolicyRunner.StepOnce(env, policy, t);
        env.Observe(0);
        device.Synchronize();
        var obs = Read(env.Observation(0));
        int size = env.CentralObsSize, n = env.NMax, u = env.UMax, k = 12;
        var z = Read(s.SizeBits); var v = Read(s.CyclesPerBit); var delta = Read(s.DeadlineS); var g = Read(s.Award);
        var nu0 = Read(s.Rate0Bps); var q = Read(s.BatteryJ); var p = Read(s.TxPowerW); var harvest = Read(s.HarvestJ); var active = Read(s.DevActive);
        for (int e = 0; e < 2; e++)
        {
            for (int d0 = 0; d0 < n * u; d0 += 7)
            {
                int d = e * n * u + d0, o = e * size + d0 * k;
                if (active[d] == 0) { Assert.All(obs[o..(o + k)], x => Assert.Equal(0f, x)); continue; }
                double e0 = (double)p[d] * z[d] / nu0[d], slack = Math.Max(delta[d] - z[d] / nu0[d], 0);
                double[] expected =
                [
                    1, z[d] / 8e4, v[d] / 8e3, delta[d] / 2.0, g[d] / 3.0, Math.Clamp(nu0[d] / 4e6, 0, 4), Math.Clamp(q[d] / 0.05, 0, 10), p[d] / 0.18,
                    harvest[d] / 1.5e-3, Math.Clamp(e0 / Math.Max(q[d], 1e-9), 0, 10), slack / delta[d], slack > 0 ? g[d] * slack / ((double)z[d] * v[d]) * 1e8 : 0,
                ];
                for (int f = 0; f < k; f++)
                    Assert.True(Math.Abs(expected[f] - obs[o + f]) <= 1e-5 * Math.Max(1, Math.Abs(expected[f])), $"feature {f} of slot {d0}: {expected[f]} vs {obs[o + f]}");
            }
            // Tail: F/1e9, then C/1e8 row-major over i ≠ b (star: only links touching BS-1), then t/T_ep.
            int tail = e * size + n * u * k;
            Assert.Equal([0.6f, 0.6f, 0.6f], obs[tail..(tail + 3)]);
            Assert.Equal([1f, 1f, 1f, 0f, 1f, 0f], obs[(tail + 3)..(tail + 9)]);
            Assert.Equal(0.3f, obs[tail + 9], 6);
        }
    }

    [Fact]
    public void PerBsView_OwnBlockIsTheCentralSlice_AndSummariesDescribeTheOtherBss()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 2, ("view", 1), ("agent_id_in_obs", 1));
        var s = env.State;
        var policy = Policy(env, "lpwpo");
        env.Reset(4);
        for (int t = 0; t < 2; t++) GpuTwin.VecEnv.Running.PolicyRunner.StepOnce(env, policy, t);
        env.Observe(0);
        env.ObserveGlobal();
        device.Synchronize();
        var bs = Read(env.Observation(0));
        var central = Read(env.GlobalState);
        int n = env.NMax, u = env.UMax, f = Observations.BaseFeatures, per = env.Spec.Groups[0].ObservationSize, size = env.CentralObsSize;
        int tail = Observations.TailSize(n);
        var z = Read(s.SizeBits); var v = Read(s.CyclesPerBit); var delta = Read(s.DeadlineS); var g = Read(s.Award);
        var nu0 = Read(s.Rate0Bps); var q = Read(s.BatteryJ); var p = Read(s.TxPowerW); var active = Read(s.DevActive);
        for (int e = 0; e < 2; e++)
            for (int i = 0; i < n; i++)
            {
                int o = (e * n + i) * per;
                Assert.Equal(central[(e * size + i * u * f)..(e * size + (i + 1) * u * f)], bs[o..(o + u * f)]);
                Assert.Equal(central[(e * size + n * u * f)..(e * size + n * u * f + tail)], bs[(o + u * f)..(o + u * f + tail)]);
                int m = o + u * f + tail;
                foreach (int b in Enumerable.Range(0, n).Where(b => b != i))
                {
                    var devs = Enumerable.Range(0, u).Select(j => (e * n + b) * u + j).Where(d => active[d] == 1).ToArray();
                    Assert.Equal(devs.Length / (float)u, bs[m], 6);
                    Assert.Equal(devs.Average(d => g[d] / 3.0), bs[m + 1], 4);
                    Assert.Equal(devs.Average(d => (double)z[d] * v[d] / delta[d] / 1e9), bs[m + 2], 4);
                    Assert.Equal(devs.Count(d => (double)p[d] * z[d] / nu0[d] <= q[d]) / (double)devs.Length, bs[m + 3], 5);
                    m += 4;
                }
                for (int b = 0; b < n; b++) Assert.Equal(b == i ? 1f : 0f, bs[m + b]);
                Assert.Equal(per, m + n - o);
            }
    }

    [Fact]
    public void ObsTxPowerOff_WritesZeroThere_WithoutChangingTheLength()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 1, ("obs_tx_power", 0));
        env.Reset(1);
        env.Observe(0);
        device.Synchronize();
        var obs = Read(env.Observation(0));
        Assert.Equal(1930, obs.Length);
        for (int d = 0; d < 240; d++) Assert.Equal(0f, obs[d * 8 + 7]);
        Assert.Contains(obs, x => x > 0f);
    }

    [Fact]
    public void ActionMask_CoversActiveSlots_AndOnlyLinkedTargets()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 1, ("wired_topology", 1));
        env.Reset(1);
        device.Synchronize();
        var mask = Read(env.ActionMask(0));
        int u = env.UMax, w = 5;
        // BS-2 device 0: x̂, ŷ_0 (link to BS-1), ŷ_1 (home), not ŷ_2 (no BS-2 → BS-3 link in a star), ŵ.
        Assert.Equal(new byte[] { 1, 1, 1, 0, 1 }, mask[(u * w)..((u + 1) * w)]);
        // BS-1 device 29 is active, device 30 is padding.
        Assert.Equal(new byte[] { 1, 1, 1, 1, 1 }, mask[(29 * w)..(30 * w)]);
        Assert.All(mask[(30 * w)..(31 * w)], x => Assert.Equal(0, x));
    }
}
