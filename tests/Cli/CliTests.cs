using System.Text.Json;
using static GpuTwin.Tests.Common.CliBed;

namespace GpuTwin.Tests.Cli;

public class CliTests
{
    [Theory]
    [InlineData("K", new[] { "run", "--set", "K=0" }, "[1, 256]")]
    [InlineData("lambda", new[] { "run", "--set", "lambda=1.5" }, "[0, 1]")]
    [InlineData("unknown key 'nope'", new[] { "run", "--set", "nope=3" }, "known keys")]
    [InlineData("--envs", new[] { "run", "--envs", "0" }, "[1,")]
    [InlineData("--steps", new[] { "run", "--steps", "-5" }, "[1,")]
    [InlineData("--device", new[] { "run", "--device", "tpu" }, "auto|cuda|cpu|ilgpu-cpu")]
    [InlineData("--sweep", new[] { "run", "--sweep", "K=" }, "key=v1,v2")]
    [InlineData("mig_slots", new[] { "run", "--set", "mig_slots=150" }, "< T = 100")]
    [InlineData("association", new[] { "run", "--set", "association=closest" }, "learned|nearest")]
    [InlineData("--policy 'greedy'", new[] { "run", "--policy", "greedy" }, "static")]
    [InlineData("--scenario 'nope'", new[] { "run", "--scenario", "nope" }, "dt-sync")]
    [InlineData("--profile", new[] { "run", "--profile", "nope" }, "paper-literal")]
    [InlineData("steps", new[] { "run", "--steps", "many" }, "")]
    [InlineData("unknown", new[] { "run", "--bogus" }, "")]
    public void BadInput_GivesOneLineErrorNamingTheKey_AndExitCode2(string names, string[] args, string allowed)
    {
        var line = AssertOneLineError(args, allowed);
        Assert.StartsWith("gputwin: error:", line);
        Assert.Contains(names, line, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("--algo", new[] { "train", "--algo", "sac" }, "happo|mappo|ippo")]
    [InlineData("--dist", new[] { "train", "--dist", "uniform" }, "beta|gaussian")]
    [InlineData("algo.gamma", new[] { "train", "--set", "algo.gamma=2" }, "[0, 1]")]
    [InlineData("algo.nope", new[] { "train", "--set", "algo.nope=2" }, "known keys")]
    [InlineData("K", new[] { "train", "--set", "env.K=0" }, "[1, 256]")]
    [InlineData("--preset", new[] { "train", "--preset", "fast" }, "Beta-HAPPO")]
    [InlineData("--resume", new[] { "train", "--resume", "/nonexistent/run" }, "does not exist")]
    [InlineData("--run", new[] { "eval", "--run", "/nonexistent/run" }, "does not exist")]
    [InlineData("--run", new[] { "eval" }, "required")]
    [InlineData("--checkpoint", new[] { "eval", "--run", "x", "--checkpoint", "first" }, "latest|best")]
    public void Train_And_Eval_BadInput_FailsWithOneLine_BeforeWritingAnything(string names, string[] args, string allowed)
    {
        string cwd = Directory.GetCurrentDirectory();
        bool hadRuns = Directory.Exists(Path.Combine(cwd, "runs"));
        AssertOneLineError(args, names, allowed);
        if (!hadRuns) Assert.False(Directory.Exists(Path.Combine(cwd, "runs")), "a bad command must not create a run directory");
    }

    [Fact]
    public void Run_Json_ParsesAndHasOneRowPerPolicyAndValue()
    {
        var (code, output, err) = Run("run", "--envs", "4", "--steps", "60", "--policy", "static,deadline", "--sweep", "K=5,10", "--seed", "3", "--json");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("dt-sync", root.GetProperty("scenario").GetString());
        Assert.Equal(8, root.GetProperty("envs_total").GetInt32());
        var rows = root.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal(["static", "static", "deadline", "deadline"], rows.Select(r => r.GetProperty("policy").GetString()));
        Assert.Equal("10", rows[1].GetProperty("params").GetProperty("K").GetString());
        foreach (var r in rows)
        {
            var m = r.GetProperty("metrics");
            Assert.InRange(m.GetProperty("failure_ratio").GetDouble(), 0, 1);
            Assert.True(m.GetProperty("energy_mj").GetDouble() >= 0);
            Assert.True(m.TryGetProperty("migrations_per_mu_frame", out _));
            Assert.True(m.TryGetProperty("reward", out _));
        }
    }

    [Fact]
    public void Run_Table_ShowsEveryPolicyRow()
    {
        var (code, output, err) = Run("run", "--envs", "2", "--steps", "20");
        Assert.True(code == 0, err);
        foreach (var p in new[] { "random", "static", "follow", "rx-equalise", "deadline" }) Assert.Contains(p, output);
        Assert.Contains("failure_ratio", output);
        Assert.Contains("env-steps/s", output);
    }

    [Fact]
    public void Scenarios_Json_ListsGroupsWithTheirShapes()
    {
        var (code, output, err) = Run("scenarios", "--json", "--params", "--metrics");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var dt = doc.RootElement.GetProperty("scenarios").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "dt-sync");
        var groups = dt.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("name").GetString()!, g => g.GetProperty("observation_size").GetInt32());
        Assert.Equal(17, groups["mu"]);
        Assert.Equal(220, groups["cc"]);
        Assert.Equal(401, groups["bs"]);
        Assert.Equal(581, dt.GetProperty("global_state_size").GetInt32());
        Assert.Contains(dt.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("Key").GetString() == "lambda");
        Assert.Contains(dt.GetProperty("profiles").EnumerateArray(), p => p.GetProperty("Name").GetString() == "paper-literal");
        var ids = doc.RootElement.GetProperty("scenarios").EnumerateArray().Select(x => x.GetProperty("id").GetString()).Order().ToList();
        Assert.Equal(["collab-mec", "dt-sync", "iomt", "iot-migration", "v2x"], ids);
    }

    [Fact]
    public void Trace_Json_GivesPerMuQuantitiesForEachStep()
    {
        var (code, output, err) = Run("trace", "--policy", "static", "--steps", "2", "--set", "K=3", "--set", "M=2", "--json");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var steps = doc.RootElement.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(2, steps.Count);
        Assert.Equal(1, steps[1].GetProperty("slot").GetInt32());
        var mus = steps[0].GetProperty("mus").EnumerateArray().ToList();
        Assert.Equal(3, mus.Count);
        foreach (var mu in mus)
        {
            foreach (var key in new[] { "x_m", "y_m", "assoc", "sinr", "rate_bps", "delay_s", "energy_j", "failed", "vqueue" })
                Assert.True(mu.TryGetProperty(key, out _), key);
            Assert.InRange(mu.GetProperty("assoc").GetInt32(), 0, 1);
        }
    }

    [Fact]
    public void Defaults_OfTheFlags_AgreeWithTheSettingsConstants()
    {
        var (code, output, _) = Run("run", "--help");
        Assert.Equal(0, code);
        Assert.Contains("--envs", output);
        Assert.Contains(GpuTwin.Cli.Commands.Run.RunCommand.Settings.DefaultEnvs.ToString(), output);
        Assert.Contains(GpuTwin.Cli.Commands.Run.RunCommand.Settings.DefaultSteps.ToString(), output);
    }
}
