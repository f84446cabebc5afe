using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Running;
using GpuTwin.VecEnv.Scenarios.DtSyncMigration;
using static GpuTwin.Tests.DtSync.DtSyncTestBed;

namespace GpuTwin.Tests.DtSync;

/// <summary>
/// Physical trends the heuristics must already show (spec §11: Figs. 7, 8, 10), each x-axis run as one
/// swept batch: 32 envs per value × 1000 slots (10 frames), fixed seed. Directions, not numbers.
/// </summary>
public class TrendTests
{
    private static double[] Metric(string policyName, string sweep, string metric, params (string, double)[] set)
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = new DtSyncEnv(device, Grid(32, set, Sweep.Parse(DtSyncParameters.Table, sweep)));
        var policy = Policy(env, policyName, 3);
        return PolicyRunner.Run(env, policy, 1000, 3).Select(r => r.Metrics[metric]).ToArray();
    }

    private static void AssertIncreasing(double[] values, string what)
    {
        for (int i = 1; i < values.Length; i++)
            Assert.True(values[i] > values[i - 1], $"{what} fell from {values[i - 1]:G4} to {values[i]:G4} at point {i}: [{string.Join(", ", values.Select(v => v.ToString("G4")))}]");
    }

    [Theory]
    [InlineData("static")]
    [InlineData("follow")]
    public void FailureRatio_RisesWithTheNumberOfMus(string policy) =>
        AssertIncreasing(Metric(policy, "K=10,20,30,40", "failure_ratio"), "failure ratio vs K");

    [Fact]
    public void DeadlinePowerControl_KeepsFailuresBelowOnePercent_UpToFortyMus()
    {
        // Spec §9/§11: an oracle power control has ≈ 0 deadline misses up to K = 40; what remains are
        // requests blocked by migrations (≈ 0.03 migrations per MU-frame × G = 10 slots / T = 100).
        var f = Metric("deadline", "K=10,20,30,40", "failure_ratio");
        var deadline = Metric("deadline", "K=10,20,30,40", "failure_ratio_deadline");
        var blocked = Metric("deadline", "K=10,20,30,40", "failure_ratio_blocked");
        var staticF = Metric("static", "K=10,20,30,40", "failure_ratio");
        for (int i = 0; i < f.Length; i++)
        {
            Assert.InRange(f[i], 0, 0.01);
            Assert.InRange(deadline[i], 0, 1e-3);
            Assert.True(blocked[i] > 0, "follow-the-user placement migrates, so some requests are blocked");
            Assert.True(f[i] < staticF[i]);
        }
    }

    [Theory]
    [InlineData("static")]
    [InlineData("deadline")]
    public void Energy_RisesWithTheRequestProbability(string policy) =>
        AssertIncreasing(Metric(policy, "lambda=0.1,0.3,0.5,0.7,0.9", "energy_mj"), "energy vs λ");

    [Theory]
    [InlineData("static")]
    [InlineData("deadline")]
    public void Energy_RisesWithTheNumberOfMus(string policy) =>
        AssertIncreasing(Metric(policy, "K=10,20,30,40", "energy_mj"), "energy vs K");

    [Fact]
    public void Baselines_AreOrderedAtTheDefaults()
    {
        // Power control spends less than max power, and every heuristic beats random on failures.
        double Run(string p, string metric) => Metric(p, "K=30", metric)[0];
        double random = Run("random", "failure_ratio");
        Assert.True(Run("deadline", "energy_mj") < Run("rx-equalise", "energy_mj"));
        Assert.True(Run("rx-equalise", "energy_mj") < Run("static", "energy_mj"));
        foreach (var p in new[] { "static", "follow", "rx-equalise", "deadline" })
            Assert.True(Run(p, "failure_ratio") < random, $"{p} should fail less than random");
    }
}
