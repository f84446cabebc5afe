using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Scenarios.CollaborativeMec;
using GpuTwin.VecEnv.Scenarios.CollaborativeMec.Kernels;
using static GpuTwin.Tests.CollabMec.CollabMecTestBed;

namespace GpuTwin.Tests.CollabMec;

public class EpisodeTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Truncation_KeepsTheSlotTepObservation_ThenResetsWithNewDraws(int view)
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        const int tEp = 4;
        using var episodic = Env(device, 2, ("episode_slots", tEp), ("view", view));
        using var continuing = Env(device, 2, ("episode_slots", 0), ("view", view));
        var pEpisode0 = new float[0];
        foreach (var env in new[] { episodic, continuing })
        {
            var policy = Policy(env, "ggpo", 2);
            env.Reset(8);
            device.Synchronize();
            if (env == episodic) pEpisode0 = Read(env.State.TxPowerW);
            for (int t = 0; t < tEp; t++)
            {
                Assert.Equal(0, Read(env.Truncated)[0]);
                GpuTwin.VecEnv.Running.PolicyRunner.StepOnce(env, policy, t);
            }
            device.Synchronize();
        }
        Assert.All(Read(episodic.Truncated), x => Assert.Equal(1, x));
        Assert.All(Read(continuing.Truncated), x => Assert.Equal(0, x));
        Assert.All(Read(episodic.Terminated), x => Assert.Equal(0, x));
        Assert.All(Read(episodic.State.EpisodeIndex), x => Assert.Equal(1, x));
        Assert.All(Read(episodic.State.Slot), x => Assert.Equal(0, x));
        Assert.NotEqual(pEpisode0, Read(episodic.State.TxPowerW));

        // The final observation is the continuing run's observation of slot T_ep, except the phase t/T_ep = 1 (0 when continuing).
        continuing.Observe(0);
        continuing.ObserveGlobal();
        device.Synchronize();
        int size = episodic.CentralObsSize;
        var final = Read(episodic.FinalGlobalState);
        var next = Read(continuing.GlobalState);
        for (int e = 0; e < 2; e++)
        {
            var a = Row(final, e, size); var b = Row(next, e, size);
            Assert.Equal(1f, a[size - 1]);
            Assert.Equal(0f, b[size - 1]);
            Assert.Equal(b[..^1], a[..^1]);
        }
        if (view == 1)
        {
            int per = episodic.Spec.Groups[0].ObservationSize * episodic.NMax;
            var fa = Read(episodic.FinalObservation); var fb = Read(continuing.Observation(0));
            int phase = episodic.UMax * Observations.BaseFeatures + Observations.TailSize(episodic.NMax) - 1;
            for (int e = 0; e < 2; e++)
                for (int k = 0; k < per; k++)
                {
                    int local = k % episodic.Spec.Groups[0].ObservationSize;
                    if (local == phase) continue;
                    Assert.Equal(fb[e * per + k], fa[e * per + k]);
                }
        }
        // Counters saw one finished episode per env, of T_ep slots.
        var totals = episodic.Spec.Counters;
        var sums = Read(episodic.CounterTotals);
        Assert.Equal(1.0, sums[totals.IndexOf("episodes_ended")]);
        Assert.Equal(tEp, sums[totals.IndexOf("episode_slots")]);
    }

    [Fact]
    public void ResetDraws_AreInRange_AndPowerIsFixedForTheEpisode()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 3, ("episode_slots", 0));
        env.Reset(5);
        device.Synchronize();
        var p0 = Read(env.State.TxPowerW);
        var q0 = Read(env.State.BatteryJ);
        var active = Read(env.State.DevActive);
        for (int d = 0; d < p0.Length; d++)
        {
            if (active[d] == 0) { Assert.Equal(0f, p0[d]); Assert.Equal(0f, q0[d]); continue; }
            Assert.InRange(p0[d], 0.05f, 0.18f);
            Assert.InRange(q0[d], 0f, 0.02f);
        }
        var policy = Policy(env, "ggpo");
        for (int t = 0; t < 5; t++) GpuTwin.VecEnv.Running.PolicyRunner.StepOnce(env, policy, t);
        device.Synchronize();
        Assert.Equal(p0, Read(env.State.TxPowerW));
    }

    [Fact]
    public void SlotDraws_FollowTheirScalesAndRanges()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 8, ("size_scale", 1.5), ("density_scale_bs2", 1.2), ("density_scale_others", 1.1), ("deadline_scale", 4),
            ("award_scale_bs1", 2), ("gain_scale", 0.5), ("harvest_scale", 0.4), ("episode_slots", 0));
        var s = env.State;
        var z = new List<float>(); var h = new List<float>();
        env.Reset(12);
        for (int t = 0; t < 6; t++)
        {
            device.Synchronize();
            var active = Read(s.DevActive); var zz = Read(s.SizeBits); var v = Read(s.CyclesPerBit); var delta = Read(s.DeadlineS);
            var g = Read(s.Award); var hh = Read(s.Gain); var harvest = Read(s.HarvestJ);
            int n = env.NMax, u = env.UMax;
            for (int d = 0; d < active.Length; d++)
            {
                int i = d / u % n;
                if (active[d] == 0) { Assert.Equal(0f, zz[d]); Assert.Equal(0f, hh[d]); continue; }
                Assert.InRange(zz[d], 1.5f * 5e4f, 1.5f * 8e4f);
                float zeta = i == 0 ? 1f : (i == 1 ? 1.2f * 1.1f : 1.1f);
                Assert.InRange(v[d], zeta * 3000f * (1 - 1e-6f), zeta * 8000f * (1 + 1e-6f));
                Assert.InRange(delta[d], 0.8f, 2f);
                Assert.InRange(g[d], i == 0 ? 2f : 1f, i == 0 ? 6f : 3f);
                Assert.True(hh[d] >= 0f);
                Assert.InRange(harvest[d], 0.4f * 1e-3f * (1 - 1e-6f), 0.4f * 1.5e-3f);
                z.Add(zz[d]); h.Add(hh[d]);
            }
            env.Step();
        }
        // h = σ·h̄·Exp(1): mean 0.05 over ~8000 draws (std of the mean ≈ 0.05/90), z mean 1.5·65 kbit.
        Assert.InRange(h.Average(), 0.05 * 0.95, 0.05 * 1.05);
        Assert.InRange(z.Average(), 1.5 * 65e3 * 0.99, 1.5 * 65e3 * 1.01);
    }
}
