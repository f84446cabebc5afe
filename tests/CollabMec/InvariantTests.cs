using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Scenarios.CollaborativeMec;
using static GpuTwin.Tests.CollabMec.CollabMecTestBed;

namespace GpuTwin.Tests.CollabMec;

/// <summary>Spec §6 invariants on every slot of random and baseline runs, over several configurations.</summary>
public class InvariantTests
{
    /// <summary>I4's tolerance from the spec: Σ f in double against F·(1 + 1e−5) (float32 rounding of l + spare·w/W).</summary>
    private const double CpuSlack = 1e-5;

    public static TheoryData<string, string> Cases() => new()
    {
        { "random", "" },
        { "offload-all-home", "" },
        { "ggpo", "" },
        { "lpwpo", "wired_topology=star" },
        { "random", "cpu_hz=0" },
        { "random", "gain_scale=0" },
        { "random", "deadline_scale=9.5" },
        { "ggpo", "bs_count=4,devices_bs4=20,battery_cap_j=0.03" },
        { "random", "cpu_mode=actor-literal" },
        { "random", "cpu_drop_rule=greedy-fill,wired_sharing=equal" },
        { "ggpo", "power_per_slot=on,harvest_as_power=on" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EverySlot_KeepsTheInvariants(string policyName, string settings)
    {
        var set = settings.Length == 0 ? [] : settings.Split(',').Select(kv =>
        {
            var parts = kv.Split('=');
            var def = CollabMecParameters.Table[parts[0]];
            return (parts[0], def.Parse(parts[1]));
        }).ToArray();
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 4, [("episode_slots", 9), .. set]);
        var policy = Policy(env, policyName, 3);
        var s = env.State;
        int n = env.NMax, u = env.UMax;
        bool demandBased = env.Parameters.Value(0, "cpu_mode") == 0;
        float[] batteryBefore = [];
        env.Reset(3);
        for (int t = 0; t < 25; t++)
        {
            policy.Act(env, 0, t);
            device.Synchronize();
            batteryBefore = Read(s.BatteryJ);
            env.Resolve();
            device.Synchronize();
            var active = Read(s.DevActive); var x = Read(s.Offload); var x1 = Read(s.NnOffload); var x2 = Read(s.EnergyOk);
            var target = Read(s.Target); var f = Read(s.AllocHz); var rate = Read(s.RateBps); var z = Read(s.SizeBits);
            var p = Read(s.TxPowerW); var done = Read(s.Completed); var battery = Read(s.BatteryJ); var cpu = Read(s.CpuHz);
            var wired = Read(s.WiredBps); var bsActive = Read(s.BsActive);
            foreach (var v in new[] { s.DelayS, s.UploadEnergyJ, s.RateBps, s.AllocHz, s.DemandHz, s.BatteryJ, s.Gain, s.Rate0Bps, s.Reward, s.HomeIncome })
                Assert.All(Read(v), a => Assert.True(float.IsFinite(a), $"non-finite value at slot {t}"));
            Assert.All(Read(env.StepCounters), a => Assert.True(float.IsFinite(a)));
            for (int e = 0; e < env.NumEnvs; e++)
            {
                var load = new double[n];
                for (int i = 0; i < n; i++)
                    for (int j = 0; j < u; j++)
                    {
                        int d = (e * n + i) * u + j;
                        Assert.True(battery[d] >= 0f, "battery ≥ 0");
                        Assert.True(x[d] <= active[d], "I1: padded slots never offload");
                        Assert.True(x[d] <= x2[d] && x2[d] <= x1[d], "I6: final ⊆ energy-ok ⊆ nearest");
                        Assert.Equal(x[d] == 1, target[d] >= 0);
                        if (x[d] == 0) { Assert.Equal(0, done[d]); continue; }
                        int b = target[d];
                        Assert.True(bsActive[e * n + b] == 1 && (b == i || wired[(e * n + i) * n + b] > 0f), "I2: allowed target");
                        Assert.True((double)p[d] * z[d] / rate[d] <= batteryBefore[d] * (1 + 1e-6), "I3: upload energy within the stored battery");
                        Assert.True(f[d] <= cpu[e * n + b] * (1 + CpuSlack), "C4: f ≤ F");
                        load[b] += f[d];
                        if (demandBased) Assert.True(done[d] == 1, "I5: every kept task completes in DemandBased mode");
                    }
                for (int b = 0; b < n; b++) Assert.True(load[b] <= cpu[e * n + b] * (1 + CpuSlack), $"I4: CPU of BS {b} oversubscribed");
            }
            env.Advance();
        }
    }
}
