using System.Text.Json;
using GpuTwin.Tests.Training.Runs;
using GpuTwin.Training.Runs;
using GpuTwin.Training.Tabular;
using static GpuTwin.Tests.Common.CliBed;

namespace GpuTwin.Tests.IotMigration.Learning;

/// <summary><c>gputwin train --algo jal|il</c> and <c>gputwin eval</c> on a tabular run; clear errors for the wrong algo or scenario.</summary>
public class TabularCliTests
{
    private static readonly string[] Tiny = ["--set", "users_per_server=3", "--set", "servers=4", "--set", "env.episode_slots=10",
        "--set", "auth_audit_per_episode=0", "--set", "algo.eval_episodes=1", "--envs", "2", "--device", "cpu"];

    [Fact]
    public void TrainJal_WritesTheRunDirectory_ThenEvalComparesWithTheBaselines()
    {
        using var dir = new TempDir();
        string runDir = Path.Combine(dir.Path, "jal");
        var (code, output, err) = Run(["train", "--scenario", "iot-migration", "--algo", "jal", "--episodes", "3", "--set", "algo.alpha=0.2",
            "--out", runDir, .. Tiny]);
        Assert.True(code == 0, err + output);
        Assert.Contains("episode 3/3", output);
        Assert.Contains("greedy", output);      // the comparison table lists the baselines
        Assert.Contains("jal (trained, 3 episodes)", output);
        foreach (var f in new[] { "config.json", "metrics.csv", "learning_curve.png", "checkpoints/latest.ckpt" })
            Assert.True(File.Exists(Path.Combine(runDir, f)), f);
        var rows = MetricsLog.Read(Path.Combine(runDir, "metrics.csv"));
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.True(r.ContainsKey("epsilon") && r.ContainsKey("td_error") && r.ContainsKey("latency_s")));
        using (var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(runDir, "config.json"))))
        {
            Assert.Equal("tabular", config.RootElement.GetProperty("Trainer").GetString());
            Assert.Equal(0.2, config.RootElement.GetProperty("Algo").GetProperty("Alpha").GetDouble(), 6);
        }

        (code, output, err) = Run("eval", "--run", runDir, "--episodes", "2", "--steps", "10", "--device", "cpu", "--json");
        Assert.True(code == 0, err + output);
        using var doc = JsonDocument.Parse(output);
        var policies = doc.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("policy").GetString()).ToList();
        Assert.Equal(["jal (trained, 3 episodes)", "local", "random", "edge-all", "half-split", "greedy"], policies);

        (code, _, err) = Run("eval", "--run", runDir, "--checkpoint", "best");
        Assert.Equal(2, code);
        Assert.Contains("allowed: latest", err);
    }

    [Fact]
    public void Help_StatesTheTabularPresetBudgets()
    {
        var (code, output, _) = Run("train", "--help");
        Assert.Equal(0, code);
        Assert.Contains($"quick = {TabularOptions.QuickEpisodes}, paper = {TabularOptions.PaperEpisodes}", output);
        Assert.Contains("jal|il", output);
    }

    [Theory]
    [InlineData(new[] { "train", "--scenario", "iot-migration", "--algo", "sarsa" }, "--algo", "happo|mappo|ippo|jal|il")]
    [InlineData(new[] { "train", "--scenario", "dt-sync", "--algo", "il" }, "--algo il", "only valid for --scenario iot-migration")]
    [InlineData(new[] { "train", "--scenario", "iot-migration", "--algo", "jal", "--set", "algo.gamma=1" }, "algo.gamma", "[0, 0.999999]")]
    [InlineData(new[] { "train", "--scenario", "iot-migration", "--algo", "il", "--preset", "Beta-HAPPO" }, "--preset", "quick|paper")]
    [InlineData(new[] { "train", "--scenario", "dt-sync", "--episodes", "5" }, "--episodes", "jal|il")]
    public void BadInput_GivesOneLineError(string[] args, string names, string allowed) => AssertOneLineError(args, names, allowed);
}
