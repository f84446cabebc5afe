using static GpuTwin.Tests.CollabMec.PairedRuns;

namespace GpuTwin.Tests.CollabMec;

/// <summary>
/// The spec §11 heuristic checks (calibrated profile) and the §9 reference table, with paired seeds:
/// <see cref="PairedRuns.Envs"/> envs × <see cref="PairedRuns.Slots"/> slots per point.
/// </summary>
public class TrendTests
{
    /// <summary>Spec §9: the reference numbers are "±10% order-of-magnitude checks, not exact values".</summary>
    private const double ReferenceBand = 0.10;

    [Theory]
    [InlineData("random", 8.6, double.NaN)]
    [InlineData("offload-all-home", 8.1, double.NaN)]
    [InlineData("olnpo", 19.3, 45)]
    [InlineData("lpwpo", 19.7, 42)]
    [InlineData("ggpo", 20.1, 37)]
    public void BaselineIncome_AndMeanBattery_AtTheDefaults_MatchTheReferenceTable(string policy, double income, double batteryMj)
    {
        Assert.InRange(Mean(policy, "income"), income * (1 - ReferenceBand), income * (1 + ReferenceBand));
        // Under Random and OffloadAllHome most batteries only fill (≈ 1 mJ per slot), so their mean battery grows with the
        // run length and is compared only over the reference's episodes of 200 slots; the greedy ones are near-stationary.
        if (!double.IsNaN(batteryMj))
            Assert.InRange(Mean(policy, "battery_mean_mj"), batteryMj * (1 - ReferenceBand), batteryMj * (1 + ReferenceBand));
    }

    [Fact]
    public void PaperLiteral_MakesTheGreedyBaselinesEqual_WithIdleCpus()
    {
        (string, double)[] literal = [("cpu_hz", 5e9)];
        double olnpo = Mean("olnpo", "income", literal), ggpo = Mean("ggpo", "income", literal);
        Assert.InRange(ggpo, 21.5 * (1 - ReferenceBand), 21.5 * (1 + ReferenceBand));
        Assert.True(Math.Abs(ggpo - olnpo) <= 0.005 * ggpo, $"OLNPO {olnpo:F2} vs GGPO {ggpo:F2}: within 0.5% at 5 GHz");
        Assert.True(Mean("ggpo", "cpu_demand_util_bs3", literal) < 0.3);
    }

    [Theory]
    [InlineData("olnpo")]
    [InlineData("ggpo")]
    public void Income_RisesWithComputeCapacity_BySaturation(string policy)
    {
        double low = Mean(policy, "income", ("cpu_hz", 0.4e9)), mid = Mean(policy, "income"), high = Mean(policy, "income", ("cpu_hz", 1.5e9));
        Assert.True(high >= 1.2 * low, $"F = 1.5 GHz ({high:F2}) at least 20% above 0.4 GHz ({low:F2})");
        Assert.True(mid >= low * 0.99 && high >= mid * 0.99, $"non-decreasing: {low:F2}, {mid:F2}, {high:F2}");
    }

    [Fact]
    public void Income_RisesWithBandwidth()
    {
        var (diff, se) = PairedDiff("income", ("ggpo", [("bandwidth_hz", 0.5e6)]), ("ggpo", []));
        Assert.True(diff > 3 * se && diff > 1.5, $"1 MHz − 0.5 MHz = {diff:F2} ± {se:F2}");
    }

    [Theory]
    [InlineData("olnpo")]
    [InlineData("ggpo")]
    public void Income_FallsWithTaskSize(string policy)
    {
        var (diff, se) = PairedDiff("income", (policy, []), (policy, [("size_scale", 1.6)]));
        Assert.True(diff < -3 * se && diff < -1.5, $"χ = 1.6 − χ = 1 = {diff:F2} ± {se:F2}");
    }

    [Fact]
    public void Income_RisesWithDeadlineScale()
    {
        // Weak (spec: 20.5 → 21.6): most of the deadline budget is spent uploading; the pairing removes the task noise.
        var (diff, se) = PairedDiff("income", ("ggpo", []), ("ggpo", [("deadline_scale", 4)]));
        Assert.True(diff > 2 * se && diff > 0, $"ψ = 4 − ψ = 1 = {diff:F2} ± {se:F2}");
    }

    [Fact]
    public void HeuristicOrder_GgpoAboveLpwpoAboveOlnpo_AveragedOverTheComputeAxis()
    {
        double[] axis = [0.4e9, 0.6e9];
        double Avg(string policy) => axis.Average(f => Mean(policy, "income", ("cpu_hz", f)));
        double olnpo = Avg("olnpo"), lpwpo = Avg("lpwpo"), ggpo = Avg("ggpo");
        Assert.True(ggpo >= lpwpo && lpwpo >= olnpo, $"GGPO {ggpo:F3} ≥ LPWPO {lpwpo:F3} ≥ OLNPO {olnpo:F3}");
        Assert.True(Mean("ggpo", "peer_offloaded") > Mean("lpwpo", "peer_offloaded"));
        Assert.Equal(0.0, Mean("olnpo", "peer_offloaded"));
    }

    [Fact]
    public void OlnpoCounts_DoNotDependOnAwardScale_WhileGgpoShiftsTowardBs1()
    {
        (string, double)[] rich = [("award_scale_bs1", 3)];
        foreach (var bs in new[] { "offloading_bs1", "offloading_bs2", "offloading_bs3" })
            Assert.Equal(Metrics("olnpo")[bs], Metrics("olnpo", rich)[bs]);
        Assert.True(Mean("olnpo", "income", rich) > Mean("olnpo", "income"));
        // Fig. 4(a) on GGPO: BS-1 rises, BS-2 + BS-3 fall; at ξ = 1 the order is BS-1 < BS-2 < BS-3.
        Assert.True(Mean("ggpo", "offloading_bs1", rich) > Mean("ggpo", "offloading_bs1"));
        Assert.True(Mean("ggpo", "offloading_bs2", rich) + Mean("ggpo", "offloading_bs3", rich)
            < Mean("ggpo", "offloading_bs2") + Mean("ggpo", "offloading_bs3"));
        Assert.True(Mean("ggpo", "offloading_bs1") < Mean("ggpo", "offloading_bs2") && Mean("ggpo", "offloading_bs2") < Mean("ggpo", "offloading_bs3"));
    }

    [Fact]
    public void DensityOfBs2AndBs3_LowersTheirOffloads()
    {
        (string, double)[] dense = [("density_scale_others", 1.4)];
        Assert.True(Mean("ggpo", "offloading_bs2", dense) < Mean("ggpo", "offloading_bs2"));
        Assert.True(Mean("ggpo", "offloading_bs3", dense) < Mean("ggpo", "offloading_bs3"));
        Assert.True(Mean("ggpo", "offloading_bs1", dense) >= 0.98 * Mean("ggpo", "offloading_bs1"));
    }

    [Fact]
    public void ChannelAndHarvestScale_RaiseTheTotalOffloads()
    {
        double Total(params (string, double)[] set) =>
            Mean("ggpo", "offloading_bs1", set) + Mean("ggpo", "offloading_bs2", set) + Mean("ggpo", "offloading_bs3", set);
        Assert.True(Total(("gain_scale", 0.2)) < Total(), "σ = 0.2 below σ = 1");
        double r2 = Total(("harvest_scale", 0.2)), r6 = Total(("harvest_scale", 0.6)), r10 = Total();
        Assert.True(r2 < r6 && r6 < r10, $"{r2:F2} < {r6:F2} < {r10:F2}");
        Assert.True(r6 - r2 > r10 - r6, "largest step first (saturation)");
    }
}
