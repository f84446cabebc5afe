using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Scenarios.CollaborativeMec;
using static GpuTwin.Tests.CollabMec.CollabMecTestBed;

namespace GpuTwin.Tests.CollabMec;

/// <summary>One slot of a small case computed by hand (in double) from the env's own state, against the env.</summary>
public class SlotPhysicsTests
{
    /// <summary>float32 through log1p, a division chain and sums of a few terms: 2e-5 relative is ~100 ulp.</summary>
    private const double FloatSlot = 2e-5;

    private static void Near(double expected, double actual, string what) =>
        Assert.True(Math.Abs(actual - expected) <= FloatSlot * Math.Abs(expected) + 1e-12, $"{what}: expected {expected:G9}, got {actual:G9}");

    /// <summary>
    /// Two BSs with 3 and 2 devices, batteries and CPUs large enough that the decoder drops nothing.
    /// BS-1: device 0 at home, device 1 to BS-2, device 2 discarded; BS-2: device 0 at home (w = 0.5), device 1 to BS-1.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void SinrDelaysIncomeAndBattery_MatchTheHandComputation(int wiredSharing)
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 2, ("bs_count", 2), ("devices_bs1", 3), ("devices_bs2", 2), ("devices_bs3", 0),
            ("battery_init_max_j", 5), ("cpu_hz", 2e10), ("episode_slots", 0), ("wired_sharing", wiredSharing), ("wired_bps", 2e6),
            ("gain_scale", 10), ("deadline_min_s", 1.5));
        int n = 2, u = 3;
        (int Target, float W)[,] plan = { { (0, 1f), (1, 1f), (-1, 0f) }, { (1, 0.5f), (0, 1f), (-1, 0f) } };
        env.Reset(77);
        // Two slots: the second starts from the batteries the first left.
        for (int slot = 0; slot < 2; slot++)
        {
            SetProto(env, (e, i, j) => OffloadTo(n, plan[i, j].Target, plan[i, j].W));
            var s = env.State;
            float[] p = Read(s.TxPowerW), h = Read(s.Gain), z = Read(s.SizeBits), v = Read(s.CyclesPerBit), delta = Read(s.DeadlineS);
            float[] g = Read(s.Award), q0 = Read(s.BatteryJ), harvest = Read(s.HarvestJ);
            byte[] active = Read(s.DevActive);
            env.Resolve();
            device.Synchronize();
            float[] rate = Read(s.RateBps), delay = Read(s.DelayS), f = Read(s.AllocHz), q1 = Read(s.BatteryJ), energy = Read(s.UploadEnergyJ);
            byte[] completed = Read(s.Completed), x = Read(s.Offload);
            sbyte[] target = Read(s.Target);
            float[] reward = Read(env.Reward(0));
            const double B = 1e6, N0 = 1e-8, C = 2e6, F = 2e10;
            for (int e = 0; e < 2; e++)
            {
                int D(int i, int j) => (e * n + i) * u + j;
                var dw = new double[n, u]; var dc = new double[n, u]; var l = new double[n, u];
                for (int i = 0; i < n; i++)
                {
                    double cell = 0;
                    for (int j = 0; j < u; j++) if (plan[i, j].Target >= 0 && active[D(i, j)] != 0) cell += (double)p[D(i, j)] * h[D(i, j)];
                    for (int j = 0; j < u; j++)
                    {
                        int d = D(i, j), b = plan[i, j].Target;
                        if (active[d] == 0 || b < 0) { Assert.Equal(0, x[d]); Assert.Equal(-1, target[d]); continue; }
                        Assert.Equal(1, x[d]);
                        Assert.Equal(b, target[d]);
                        double own = (double)p[d] * h[d];
                        double interference = 0;
                        for (int k = 0; k < u; k++)
                            if (k != j && plan[i, k].Target >= 0 && active[D(i, k)] != 0) interference += (double)p[D(i, k)] * h[D(i, k)];
                        Near(cell - own, interference, "I by the direct sum");
                        double r = B * Math.Log2(1 + own / (B * N0 + interference));
                        Near(r, rate[d], $"R2 of ({i},{j})");
                        dw[i, j] = z[d] / r;
                        double link = C;
                        if (wiredSharing == 1 && b != i)
                            link = C / Enumerable.Range(0, u).Count(k => plan[i, k].Target == b && active[D(i, k)] != 0);
                        dc[i, j] = b == i ? 0 : z[d] / link;
                        // The decoder plans with the full C (D3), whatever the sharing at execution.
                        l[i, j] = (double)z[d] * v[d] / (delta[d] - dw[i, j] - (b == i ? 0 : z[d] / C));
                    }
                }
                double income = 0;
                for (int b = 0; b < n; b++)
                {
                    double demand = 0, weight = 0;
                    for (int i = 0; i < n; i++) for (int j = 0; j < u; j++)
                        if (plan[i, j].Target == b && active[D(i, j)] != 0) { demand += l[i, j]; weight += plan[i, j].W; }
                    for (int i = 0; i < n; i++) for (int j = 0; j < u; j++)
                    {
                        int d = D(i, j);
                        if (plan[i, j].Target != b || active[d] == 0) continue;
                        double alloc = l[i, j] + (F - demand) * plan[i, j].W / weight;
                        Near(alloc, f[d], $"f of ({i},{j})");
                        double total = dw[i, j] + dc[i, j] + (double)z[d] * v[d] / alloc;
                        Near(total, delay[d], $"d of ({i},{j})");
                        bool ok = total <= delta[d] * (1 + 1e-5);
                        Assert.Equal(ok ? 1 : 0, completed[d]);
                        if (ok) income += g[d];
                        Near(p[d] * dw[i, j], energy[d], $"upload energy of ({i},{j})");
                    }
                }
                Near(income, reward[e], "income");
                for (int i = 0; i < n; i++) for (int j = 0; j < u; j++)
                {
                    int d = D(i, j);
                    if (active[d] == 0) { Assert.Equal(0f, q1[d]); continue; }
                    double spent = plan[i, j].Target >= 0 ? p[d] * dw[i, j] : 0;
                    Near(Math.Max(q0[d] - spent, 0) + harvest[d], q1[d], $"battery of ({i},{j})");
                }
            }
            env.Advance();
        }
    }

    [Fact]
    public void Battery_IsCappedAndHarvestArrivesAfterTheUpload()
    {
        Assert.Equal(0.003f, CollabMecRules.BatteryAfterSlot(0.002f, 0.001f, 0.002f, 1e30f), 6);
        Assert.Equal(0.001f, CollabMecRules.BatteryAfterSlot(0.0005f, 0.001f, 0.001f, 1e30f), 6); // guard at 0, then harvest
        Assert.Equal(0.0025f, CollabMecRules.BatteryAfterSlot(0.002f, 0f, 0.002f, 0.0025f), 6);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void AgentRewards_AreTheSharedIncome_OrEachBsHomeIncome(int split)
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 3, ("view", 1), ("reward_split", split), ("battery_cap_j", 0.03));
        var policy = Policy(env, "ggpo");
        env.Reset(31);
        for (int t = 0; t < 4; t++)
        {
            GpuTwin.VecEnv.Running.PolicyRunner.Act(env, policy, t);
            env.Resolve();
            device.Synchronize();
            var s = env.State;
            float[] g = Read(s.Award), agent = Read(env.AgentReward), reward = Read(env.Reward(0)), battery = Read(s.BatteryJ);
            byte[] done = Read(s.Completed);
            Assert.All(battery, q => Assert.True(q <= 0.03f, "BatteryCap holds after the harvest"));
            int n = env.NMax, u = env.UMax;
            for (int e = 0; e < 3; e++)
            {
                double total = 0;
                for (int i = 0; i < n; i++)
                {
                    double home = Enumerable.Range(0, u).Select(j => (e * n + i) * u + j).Where(d => done[d] == 1).Sum(d => (double)g[d]);
                    total += home;
                    Near(split == 1 ? home : reward[e], agent[e * n + i], $"agent reward of BS {i}");
                }
                Near(total, reward[e], "income = Σ of the home incomes");
                Assert.True(reward[e] > 0f);
            }
            env.Advance();
        }
    }
}
