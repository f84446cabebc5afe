using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Running;
using GpuTwin.VecEnv.Scenarios.IomtMultiTask;
using Xunit.Abstractions;
using static GpuTwin.Tests.Iomt.IomtTestBed;

namespace GpuTwin.Tests.Iomt;

/// <summary>
/// Spec §11 heuristic physics checks, each from one swept batch: 16 layouts per point (layout_key=env),
/// 100 steps (≥ 2 episodes), as in the §9 reference table.
/// </summary>
public class TrendTests(ITestOutputHelper output)
{
    private const int Layouts = 16, Steps = 100;

    private IReadOnlyList<CellResult> Cells(string policy, string? sweep, params (string, double)[] set)
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        var grid = Grid(Layouts, [("layout_key", IomtParameters.LayoutKeyEnv), .. set], sweep == null ? [] : [SweepOf(sweep)]);
        using var env = new IomtEnv(device, grid);
        var results = PolicyRunner.Run(env, Policy(env, policy, 1), Steps, 1);
        foreach (var r in results)
            output.WriteLine($"{policy} {r.Label}: delay {r.Metrics["delay_ms"]:F2} ms, energy {r.Metrics["energy_uj"]:F1} µJ, " +
                $"r {r.Metrics["reward"]:F1}, off {r.Metrics["offload_fraction"]:F2}, len {r.Metrics["episode_length"]:F1}, " +
                $"depl {r.Metrics["depletion_rate"]:F2}, p1/p2/p3 {r.Metrics["delay_p1_ms"]:F2}/{r.Metrics["delay_p2_ms"]:F2}/{r.Metrics["delay_p3_ms"]:F2}");
        return results;
    }

    private static double[] Series(IReadOnlyList<CellResult> cells, string metric) => cells.Select(c => c.Metrics[metric]).ToArray();

    private static void StrictlyIncreasing(double[] v, string what)
    {
        for (int i = 1; i < v.Length; i++) Assert.True(v[i] > v[i - 1], $"{what} not increasing: {string.Join(", ", v.Select(x => x.ToString("G4")))}");
    }

    private static void StrictlyDecreasing(double[] v, string what) => StrictlyIncreasing(v.Select(x => -x).ToArray(), what + " (decreasing)");

    [Fact]
    public void AllOffloadBest_DelayAndEnergyDecreaseWithServers()
    {
        var cells = Cells("all-offload-best", "servers=2,3,4,5,6");
        StrictlyDecreasing(Series(cells, "delay_ms"), "H2 delay vs N^m");
        StrictlyDecreasing(Series(cells, "energy_uj"), "H2 energy vs N^m");
    }

    [Fact]
    public void GreedyPriority_OffloadsMoreWithMoreServers()
    {
        var cells = Cells("greedy-priority", "servers=2,3,4,5,6");
        StrictlyIncreasing(Series(cells, "offload_fraction"), "H3 offload fraction vs N^m");
        StrictlyDecreasing(Series(cells, "delay_ms"), "H3 delay vs N^m");
    }

    [Theory]
    [InlineData("users=4,6,8,10,12")]
    [InlineData("tasks=2,4,6,8,10,12")]
    public void DelayIncreasesWithLoad_AndH2EnergyToo(string sweep)
    {
        var h2 = Cells("all-offload-best", sweep);
        StrictlyIncreasing(Series(h2, "delay_ms"), $"H2 delay vs {sweep}");
        StrictlyIncreasing(Series(h2, "energy_uj"), $"H2 energy vs {sweep}");
        StrictlyIncreasing(Series(Cells("greedy-priority", sweep), "delay_ms"), $"H3 delay vs {sweep}");
    }

    [Fact]
    public void AtTheDefaults_BaselinesOrderAndMatchTheReferenceTable()
    {
        var m = new Dictionary<string, IReadOnlyDictionary<string, double>>();
        foreach (var p in new[] { "random", "all-local", "all-offload-best", "greedy-priority" }) m[p] = Cells(p, null)[0].Metrics;
        Assert.True(m["greedy-priority"]["reward"] > m["all-offload-best"]["reward"]);
        Assert.True(m["all-offload-best"]["reward"] > m["all-local"]["reward"]);
        var h3 = m["greedy-priority"];
        Assert.True(h3["delay_p3_ms"] < h3["delay_p2_ms"] && h3["delay_p2_ms"] < h3["delay_p1_ms"]);
        Assert.Equal(0, m["all-local"]["depletion_rate"]);
        Assert.Equal(0, h3["depletion_rate"]);
        Assert.Equal(1, m["all-offload-best"]["depletion_rate"]);
        Assert.Equal(1, m["random"]["depletion_rate"]);

        // Spec §9 reference (pure-Python re-implementation), ±15%.
        void Near(string policy, string metric, double reference) =>
            Assert.True(Math.Abs(m[policy][metric] - reference) <= 0.15 * Math.Abs(reference),
                $"{policy} {metric} = {m[policy][metric]:G4}, reference {reference}");
        Near("random", "delay_ms", 8.61); Near("random", "energy_uj", 661); Near("random", "reward", 42.9);
        Near("all-local", "delay_ms", 12.0); Near("all-local", "reward", 48.6);
        Near("all-offload-best", "delay_ms", 4.19); Near("all-offload-best", "energy_uj", 273); Near("all-offload-best", "reward", 52.7);
        Near("greedy-priority", "delay_ms", 3.67); Near("greedy-priority", "energy_uj", 96); Near("greedy-priority", "reward", 61.0);
        Near("greedy-priority", "offload_fraction", 0.59);
        Near("greedy-priority", "delay_p1_ms", 5.22); Near("greedy-priority", "delay_p2_ms", 3.53); Near("greedy-priority", "delay_p3_ms", 2.26);
    }
}
