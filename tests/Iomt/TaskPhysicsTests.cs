using GpuTwin.Kernels.Radio;
using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Running;
using GpuTwin.VecEnv.Scenarios.IomtMultiTask;
using static GpuTwin.Tests.Iomt.IomtTestBed;

namespace GpuTwin.Tests.Iomt;

/// <summary>Delay, energy, grants and rewards of single steps, recomputed by hand from the env's own state.</summary>
public class TaskPhysicsTests
{
    private static (float D, float C, int P, float Ptx, float Dist) OneTask(IomtEnv env)
    {
        var s = env.State;
        return (Read(s.DataBits)[0], Read(s.Cycles)[0], Read(s.Priority)[0], Read(s.TxPowerW)[0], Read(s.Dist)[0]);
    }

    [Fact]
    public void OffloadedTask_MatchesTheHandComputation()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 1, ("users", 1), ("tasks", 1), ("servers", 1));
        env.Reset(3);
        var (d, c, p, ptx, dist) = OneTask(env);
        SetActions(env, 1, 1f, 1f);
        env.Resolve();
        env.Device.Synchronize();

        double pl = 40 + 30 * Math.Log10(dist);
        double rho = ptx * Math.Pow(10, -pl / 10) / 4e-21;
        double b = 1e9, f = 1e9;
        double rate = b / Math.Log(2) * ExpIntegral.ExpE1(b / rho);
        double delay = d / rate + c / f, energy = ptx * d / rate;
        double w = Math.Exp(0.5 * (p - 2));
        double cost = 0.5 * Math.Min(delay / 0.02, 1) + 0.5 * Math.Min(energy / 1e-3, 1);
        var s = env.State;
        Assert.Equal(b, Read(s.BwHz)[0], 1e-3);
        Assert.Equal(f, Read(s.CpuHz)[0], 1e-3);
        Assert.Equal(rate, Read(s.RateBps)[0], rate * 1e-5);
        Assert.Equal(delay, Read(s.DelayS)[0], delay * 1e-5);
        Assert.Equal(energy, Read(s.EnergyJ)[0], energy * 1e-5);
        Assert.Equal(w * (1 - cost), Read(env.RewardTask)[0], 1e-5);
        Assert.Equal(w * (1 - cost), Read(env.Reward(0))[0], 1e-5);
        Assert.Equal(0.1 - energy, Read(s.EnergyLeftJ)[0], 1e-7);
    }

    [Fact]
    public void LocalTask_MatchesTheHandComputation_AndTheShareSetsTheClock()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 1, ("users", 1), ("tasks", 1), ("servers", 1));
        env.Reset(4);
        var (_, c, p, _, _) = OneTask(env);
        SetActions(env, 0, 0.5f, 0.3f);
        env.Resolve();
        env.Device.Synchronize();
        double f = 0.5e8, delay = c / f, energy = 1e-27 * f * f * c;
        double w = Math.Exp(0.5 * (p - 2));
        var s = env.State;
        Assert.Equal(f, Read(s.CpuHz)[0], 1e-2);
        Assert.Equal(0f, Read(s.BwHz)[0]);
        Assert.Equal(delay, Read(s.DelayS)[0], delay * 1e-6);
        Assert.Equal(energy, Read(s.EnergyJ)[0], energy * 1e-5);
        Assert.Equal(w * (1 - 0.5 * Math.Min(delay / 0.02, 1) - 0.5 * energy / 1e-3), Read(env.RewardTask)[0], 1e-5);
        Assert.Equal(new byte[] { 1, 1, 0 }, Read(env.ActionMask(0))); // x^b has no effect when local
    }

    [Fact]
    public void EqualLocalShares_GiveTheSanityNumbers()
    {
        // 8 local tasks sharing F_i: f = F_i/8, T = C/f = 12 ms at C = 1.5e5, E = k0 (F_i/8)² C = 0.023 µJ.
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 1, ("c_min_cycles", 1.5e5), ("c_max_cycles", 1.5e5));
        env.Reset(1);
        SetActions(env, 0, 1f, 1f);
        env.Resolve();
        env.Device.Synchronize();
        Assert.All(Read(env.State.DelayS), t => Assert.Equal(0.012, t, 1e-8));
        Assert.All(Read(env.State.EnergyJ), en => Assert.Equal(0.0234375e-6, en, 1e-12));
    }

    [Theory]
    [InlineData("random")]
    [InlineData("greedy-priority")]
    [InlineData("all-offload-best")]
    public void PoolBudgets_AreNeverExceeded_AndEverythingStaysFinite(string policy)
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 16, ("layout_key", 1));
        var pol = Policy(env, policy, 2);
        int u = env.UMax, j = env.JMax, k = env.KMax;
        Run(env, pol, 60, 2, _ =>
        {
            var s = env.State;
            var target = Read(s.Target); var f = Read(s.CpuHz); var b = Read(s.BwHz);
            var delay = Read(s.DelayS); var energy = Read(s.EnergyJ); var reward = Read(s.TaskReward);
            for (int e = 0; e < env.NumEnvs; e++)
            {
                var cpu = new double[k]; var bw = new double[k];
                for (int i = 0; i < u; i++)
                {
                    double local = 0;
                    for (int t = (e * u + i) * j; t < (e * u + i + 1) * j; t++)
                    {
                        Assert.True(f[t] > 0 && float.IsFinite(delay[t]) && delay[t] > 0 && delay[t] < 1 && float.IsFinite(energy[t]) && energy[t] >= 0);
                        Assert.True(float.IsFinite(reward[t]) && reward[t] >= 0);
                        if (target[t] == 0) local += f[t];
                        else { cpu[target[t] - 1] += f[t]; bw[target[t] - 1] += b[t]; Assert.True(b[t] > 0); }
                    }
                    Assert.InRange(local, 0, 1e8 * (1 + Tolerances.ShareSum));
                }
                for (int m = 0; m < k; m++)
                {
                    Assert.InRange(cpu[m], 0, 1e9 * (1 + Tolerances.ShareSum));
                    Assert.InRange(bw[m], 0, 1e9 * (1 + Tolerances.ShareSum));
                }
            }
        });
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(-3f)]
    [InlineData(float.NaN)]
    public void ZeroNegativeOrNaNShares_UseTheFloor_AndStayFinite(float share)
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 2);
        env.Reset(5);
        for (int target = 0; target <= 4; target++)
        {
            SetActions(env, target, share, share);
            env.Resolve();
            env.Device.Synchronize();
            var s = env.State;
            // One pool of n tasks at x̂ = 0.01: S = 0.01·n ≤ 1 for n ≤ 100, so every task gets 0.01·X.
            float expectedF = target == 0 ? 1e6f : 1e7f;
            Assert.All(Read(s.CpuHz), f => Assert.Equal(expectedF, f, expectedF * 1e-5));
            Assert.All(Read(s.DelayS), d => Assert.True(float.IsFinite(d) && d > 0));
            Assert.All(Read(s.EnergyJ), en => Assert.True(float.IsFinite(en) && en >= 0));
            Assert.All(Read(env.RewardTask), r => Assert.True(float.IsFinite(r)));
        }
    }

    [Fact]
    public void IllegalTargets_MapToLocal()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 1, ("servers", 2));
        env.Reset(5);
        SetActions(env, 3, 1f, 1f);
        env.Resolve();
        env.Device.Synchronize();
        Assert.All(Read(env.State.Target), t => Assert.Equal(0, t));
    }

    [Fact]
    public void OverSubscribedPools_ScaleNormaliseOrPenalise()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        float[] Rewards(int mapping, out float[] cpu)
        {
            using var env = Env(device, 1, ("servers", 1), ("share_mapping", mapping));
            env.Reset(8);
            SetActions(env, 1, 0.5f, 0.25f);
            env.Resolve();
            env.Device.Synchronize();
            cpu = Read(env.State.CpuHz);
            return Read(env.RewardTask);
        }
        // 64 tasks on one server: S^f = 32, S^b = 16; grants are 1/64 of F_k and B_k in both scalings.
        var scaled = Rewards(IomtParameters.ShareScaleIfExceeds, out var cpuScaled);
        var normalised = Rewards(IomtParameters.ShareNormalise, out var cpuNorm);
        var penalised = Rewards(IomtParameters.SharePenalty, out _);
        Assert.All(cpuScaled, f => Assert.Equal(1e9 / 64, f, 1));
        Assert.Equal(cpuScaled, cpuNorm);
        for (int t = 0; t < 64; t++)
            Assert.Equal(scaled[t] - (31.0 / 64 + 15.0 / 64), penalised[t], 1e-5);

        // Under-subscribed: scale-if-exceeds grants as asked, normalise fills the pool.
        using var env2 = Env(device, 1, ("users", 1), ("tasks", 2), ("servers", 1), ("share_mapping", IomtParameters.ShareNormalise));
        env2.Reset(1);
        SetActions(env2, 0, 0.1f, 0.1f);
        env2.Resolve();
        env2.Device.Synchronize();
        Assert.Equal(1e8, Read(env2.State.CpuHz).Sum(), 1e3);
    }

    [Fact]
    public void PerUserMaxCost_IsZeroForTheWorstTaskOfEachUser()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 1, ("cost_max", IomtParameters.CostMaxPerUserMax), ("cost_cap", IomtParameters.CostCapOff));
        var pol = Policy(env, "random", 3);
        env.Reset(3);
        PolicyRunner.Act(env, pol, 0);
        env.Resolve();
        env.Device.Synchronize();
        var r = Read(env.RewardTask);
        for (int i = 0; i < 8; i++)
        {
            var row = r.Skip(i * 8).Take(8).ToArray();
            Assert.Equal(0f, row.Min(), 6);
            Assert.All(row, x => Assert.True(x >= 0));
        }
    }
}
