using GpuTwin.Kernels.Runtime;
using static GpuTwin.Tests.IotMigration.IotMigrationTestBed;

namespace GpuTwin.Tests.IotMigration;

/// <summary>
/// The baselines against the spec §9 reference table (an independent float64 re-implementation) and the §11
/// trends that need no learning. Every point of a trend uses its own batch with the same seed, so env e sees the
/// same keys at every x (paired seeds).
/// </summary>
public class BaselineTrendTests
{
    private static IReadOnlyDictionary<string, double> Run(string policy, int envs, int slots, ulong seed, params (string, double)[] set)
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        return Metrics(device, Grid(envs, set), policy, slots, seed)[0].Metrics;
    }

    /// <summary>
    /// ±15% is the spec's own tolerance for this table (§9: float32 vs float64, other random streams). 4 envs × 100
    /// slots hold ≈ 17 000 tasks; the per-task latency spread (≈ 0.25 s) gives a standard error below 0.5% of the
    /// mean, and per-env layout variation a few %, well inside the band.
    /// </summary>
    [Theory]
    [InlineData("local", 0.797, 1.38, 0.25)]
    [InlineData("random", 0.611, 2.72, 0.12)]
    [InlineData("edge-all", 0.571, 4.75, 0.15)]
    [InlineData("half-split", 0.517, 2.42, 0.08)]
    [InlineData("greedy", 0.343, 5.19, 0.03)]
    public void Baselines_AtRho30_MatchTheSpecReferenceWithin15Percent(string policy, double latency, double reward, double violations)
    {
        var m = Run(policy, 4, 100, 7);
        Assert.InRange(m["mean_latency_s"], 0.85 * latency, 1.15 * latency);
        Assert.InRange(m["mean_reward"], 0.85 * reward, 1.15 * reward);
        // The spec gives violation ratios to two decimals (±0.005) and they are tail shares, more sensitive to the
        // per-env layout than means: ±(20% + 0.005).
        double band = 0.2 * violations + 0.005;
        Assert.InRange(m["deadline_violation_ratio"], violations - band, violations + band);
        // §8: R_min bites at 5–11% of the offload attempts of an always-offload policy over ρ = 30..50; ρ = 30 is the
        // low end, and the share of cell-edge users varies by a percent or two between layouts (4.0–5.5% seen here).
        if (policy == "edge-all") Assert.InRange(m["rate_outage_ratio"], 0.03, 0.12);
    }

    [Theory]
    [InlineData("local", false)]
    [InlineData("random", true)]
    [InlineData("edge-all", true)]
    [InlineData("greedy", true)]
    public void Latency_OverUsersPerServer_LocalFlat_OthersIncreasing(string policy, bool increasing)
    {
        double[] lat = new[] { 10, 30, 50 }.Select(rho => Run(policy, 2, 50, 11, ("users_per_server", rho))["mean_latency_s"]).ToArray();
        if (increasing)
        {
            Assert.True(lat[0] < lat[1] && lat[1] < lat[2], $"{policy}: {string.Join(", ", lat)}");
        }
        else
        {
            // Local does not depend on ρ: only sampling noise (se ≈ 0.005 s at ρ = 10) separates the points.
            Assert.InRange(lat[2] - lat[0], -0.03, 0.03);
            Assert.InRange(lat[1], 0.77, 0.83);
        }
    }

    [Theory]
    [InlineData("local")]
    [InlineData("random")]
    [InlineData("edge-all")]
    [InlineData("half-split")]
    [InlineData("greedy")]
    public void Latency_IncreasesWithTheMeanTaskSize(string policy)
    {
        double[] lat = new[] { 1e5, 3e5, 5e5 }.Select(b => Run(policy, 2, 40, 13, ("task_mean_bits", b))["mean_latency_s"]).ToArray();
        Assert.True(lat[0] < lat[1] && lat[1] < lat[2], $"{policy}: {string.Join(", ", lat)}");
    }

    /// <summary>B ~ U[0.5, 1.5]·B̄ and T_local = C·B/f_local > 1 s iff B > 0.5 Mbit: 1/2 of tasks at B̄ = 0.5, 2/3 at 0.6 (spec §11).</summary>
    [Theory]
    [InlineData(5e5, 0.5)]
    [InlineData(6e5, 2.0 / 3.0)]
    public void Local_ViolatesTheDeadline_ForTheAnalyticShareOfTasks(double meanBits, double share)
    {
        var m = Run("local", 2, 50, 17, ("task_mean_bits", meanBits));
        // ≈ 4 000 tasks: binomial se ≈ 0.008; ±0.04 is 5 se.
        Assert.InRange(m["deadline_violation_ratio"], share - 0.04, share + 0.04);
        Assert.True(m["deadline_violation_ratio"] >= 0.45);
    }
}
