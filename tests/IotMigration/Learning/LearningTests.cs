using System.Diagnostics;
using GpuTwin.Training.Tabular;
using Xunit.Abstractions;

namespace GpuTwin.Tests.IotMigration.Learning;

/// <summary>
/// Learning works (spec §11 direction "JAL &lt; min(Local, Random)"): on a small config, after a budget that fits
/// the suite, the greedy JAL and IL tables have a clearly lower mean latency than Random and Local on fresh
/// evaluation episodes (seed + 10⁶), same seeds for every policy.
/// </summary>
public class LearningTests(ITestOutputHelper output)
{
    private static readonly (string, string)[] Small = [("users_per_server", "10"), ("servers", "6"), ("episode_slots", "50")];

    [Theory]
    [InlineData(TabularAlgo.Jal)]
    [InlineData(TabularAlgo.Il)]
    public void GreedyTables_BeatRandomAndLocal_OnMeanLatency(TabularAlgo algo)
    {
        var clock = Stopwatch.StartNew();
        var config = LearningBed.Config(algo, envs: 4, episodes: 60, seed: 3, Small);
        var (q, n, visited, reports) = LearningBed.Train(config);
        double trainSeconds = clock.Elapsed.TotalSeconds;
        var latency = LearningBed.Compare(config, q, n, visited, episodes: 4, seed: 3 + 1_000_000, "random", "local", "edge-all", "greedy");
        output.WriteLine($"{algo}: train {trainSeconds:F1} s, total {clock.Elapsed.TotalSeconds:F1} s; " +
            string.Join(", ", latency.Select(kv => $"{kv.Key} {kv.Value:F4} s")));
        output.WriteLine($"reward first/last episode {reports[0].Values["reward"]:F3} / {reports[^1].Values["reward"]:F3}, visited {reports[^1].Values["q_visited"]:P1}");
        Assert.True(latency["trained"] < 0.85 * latency["random"], $"{algo} {latency["trained"]:F4} s vs random {latency["random"]:F4} s");
        Assert.True(latency["trained"] < 0.85 * latency["local"], $"{algo} {latency["trained"]:F4} s vs local {latency["local"]:F4} s");
    }
}
