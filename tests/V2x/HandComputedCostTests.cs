using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Scenarios.V2xOffloading;
using static GpuTwin.Tests.V2x.V2xTestBed;

namespace GpuTwin.Tests.V2x;

/// <summary>
/// One slot set up by hand (tasks, distances, fades, access ESs) with a local, a nearby-ES and a remote-ES
/// vehicle; every delay, energy, cost and reward recomputed in double precision from the spec's formulas.
/// </summary>
public class HandComputedCostTests
{
    private const double Tol = 1e-5;
    private const double B = 2e7, Pmax = 0.2, Noise = 5.012e-15, Zeta = 500, Floc = 2e9, PhiLoc = 1e-28, PhiEs = 1e-30, Tau = 0.1, W = 0.5;

    private static double Gain(double d) => Math.Pow(10, -(120.9 + 37.6 * Math.Log10(Math.Max(d, 10) / 1000)) / 10);

    private static void Near(double expected, double actual, string what) =>
        Assert.True(Math.Abs(actual - expected) <= Tol * Math.Abs(expected) + 1e-12, $"{what}: expected {expected:G7}, got {actual:G7}");

    private sealed record Slot(float[] Delay, float[] Energy, float[] Cost, byte[] Failed, int[] Target, int[] Upload, float[] Frem, float[] Brem,
        float[] Fmax, float Rho2, float Reward, float RewardRaw);

    private static Slot RunSlot(double overheadS, int aging)
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 1, ("M", 3), ("offload_overhead_s", overheadS), ("channel_aging", aging));
        env.Reset(7);
        var s = env.State;
        double[][] dist = [[200, 600, 600], [300, 700, 800], [400, 600, 700]];
        Write(s.TaskBits, [1e5f, 1.2e5f, 0.9e5f]);
        Write(s.DistM, dist.SelectMany(r => r.Select(d => (float)d)).ToArray());
        Write(s.GainLs, dist.SelectMany(r => r.Select(d => (float)Gain(d))).ToArray());
        Write(s.FadeH, [1f, 1f, 1f, 0.8f, 1f, 1f, 1.3f, 1f, 1f]);
        Write(s.AccessEs, [0, 0, 0]);
        // Local; ES 0 (x = 1, in range: direct); ES 2 (x = 3, 700 m > R: relayed via access ES 0).
        WriteActions(env, [-1f, 0f, 0f, 0f, -0.25f, 1f, 0f, 0f, 0.75f, 0.6f, 0.2f, -0.2f]);
        env.Resolve();
        device.Synchronize();
        return new Slot(Read(s.DelayS), Read(s.EnergyJ), Read(s.CostI), Read(s.Failed), Read(s.Target), Read(s.UploadEs),
            Read(s.DtFremHz), Read(s.DtBremHz), Read(s.FmaxHz), Read(s.Rho2)[0], Read(s.Reward)[0], Read(s.RewardRaw)[0]);
    }

    [Theory]
    [InlineData(0.005, 0)]
    [InlineData(0.0, 1)]
    public void Local_Nearby_And_Remote_Costs(double overhead, int aging)
    {
        var r = RunSlot(overhead, aging);
        double rho2 = aging == 0 ? 0.9531 : 1.0;
        Assert.Equal(rho2, r.Rho2, 3e-4);
        rho2 = r.Rho2;
        Assert.Equal([0, 1, 3], r.Target);
        Assert.Equal([-1, 0, 0], r.Upload);

        // Vehicle 0, local (eqs. 3, 12, 15).
        double t0 = Zeta * 1e5 / Floc, e0 = PhiLoc * Zeta * 1e5 * Floc * Floc;
        Near(t0, r.Delay[0], "local delay");
        Near(e0, r.Energy[0], "local energy");
        Near(W * t0 + (1 - W) * e0, r.Cost[0], "local cost");
        Near(0.0225, r.Cost[0], "local cost = c_ref");

        double Rate(double b, double p, double g, double h) =>
            b * Math.Log2(1 + rho2 * p * g * h / (Noise + (1 - rho2) * p * g));

        // Vehicle 1, nearby ES 0 with a = (1, 0.5, 0.5) of the full ES.
        double f1 = 0.5 * r.Fmax[0], b1 = 0.5 * B, d1 = 1.2e5;
        double up1 = d1 / Rate(b1, Pmax, Gain(300), 0.8);
        double t1 = up1 + Zeta * d1 / f1 + overhead;
        double en1 = Pmax * Math.Min(up1, Tau) + PhiEs * Zeta * d1 * f1 * f1;
        Near(t1, r.Delay[1], "nearby delay");
        Near(en1, r.Energy[1], "nearby energy");
        Assert.Equal(0, r.Failed[1]);
        Near(W * t1 + (1 - W) * en1, r.Cost[1], "nearby cost");

        // Vehicle 2, remote ES 2 relayed by ES 0: bandwidth is a share of what vehicle 1 left at ES 0.
        double f2 = 0.6 * r.Fmax[2], b2 = 0.4 * (B - b1), p2 = 0.8 * Pmax, d2 = 0.9e5;
        double up2 = d2 / Rate(b2, p2, Gain(400), 1.3);
        double wired = d2 / (5e10 / Math.Sqrt(250.0 * 250 + 500.0 * 500));
        double t2 = up2 + wired + Zeta * d2 / f2 + overhead;
        double en2 = p2 * Math.Min(up2, Tau) + PhiEs * Zeta * d2 * f2 * f2;
        Near(t2, r.Delay[2], "remote delay");
        Near(en2, r.Energy[2], "remote energy");
        Assert.Equal(0, r.Failed[2]);
        Near(W * t2 + (1 - W) * en2, r.Cost[2], "remote cost");

        // DT after the slot and the rewards.
        Near(0.5 * r.Fmax[0], r.Frem[0], "F_rem ES 0");
        Near(r.Fmax[1], r.Frem[1], "F_rem ES 1");
        Near(0.4 * r.Fmax[2], r.Frem[2], "F_rem ES 2");
        Near(0.3 * B, r.Brem[0], "B_rem ES 0");
        Near(B, r.Brem[2], "B_rem ES 2");
        double mean = r.Cost.Take(3).Select(c => (double)c).Average();
        Near(-mean, r.RewardRaw, "R(t)");
        Near(-mean / 0.0225, r.Reward, "r_train = R/c_ref");
    }

    [Fact]
    public void ChannelAging_And_Overhead_RaiseTheOffloadCost_ButNotLocal()
    {
        var extended = RunSlot(0.005, 0);
        var literal = RunSlot(0, 1);
        Assert.Equal(literal.Cost[0], extended.Cost[0]);
        Assert.True(extended.Cost[1] > literal.Cost[1] + 0.5 * 0.005 - 1e-6);
        Assert.True(extended.Cost[2] > literal.Cost[2] + 0.5 * 0.005 - 1e-6);
    }
}
