using System.Text.Json;
using static GpuTwin.Tests.Common.CliBed;

namespace GpuTwin.Tests.Iomt;

/// <summary>The iomt scenario through the CLI: listing, profiles, sweeps, traces and clear errors.</summary>
public class IomtCliTests
{
    [Fact]
    public void Scenarios_ListsIomtWithItsShapesProfilesAndPolicies()
    {
        var s = ListedScenario("iomt");
        var g = Assert.Single(s.GetProperty("groups").EnumerateArray());
        Assert.Equal(35, g.GetProperty("observation_size").GetInt32());
        Assert.Equal(45, s.GetProperty("global_state_size").GetInt32());
        Assert.Contains(s.GetProperty("profiles").EnumerateArray(), p => p.GetProperty("Name").GetString() == "paper-literal");
        Assert.Contains(s.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("Key").GetString() == "servers");
    }

    [Fact]
    public void Run_SweepsServersWithPaddingInOneBatch()
    {
        var (code, output, err) = Run("run", "--scenario", "iomt", "--policy", "greedy-priority", "--sweep", "servers=2,6",
            "--sweep", "tasks=4,8", "--envs", "2", "--steps", "5", "--json");
        Assert.True(code == 0, err);
        Assert.Contains("servers=6", output);
        Assert.Contains("tasks=4", output);
    }

    [Fact]
    public void PaperLiteralProfile_Runs_AndTraceGivesPerTaskQuantities()
    {
        var (code, _, err) = Run("run", "--scenario", "iomt", "--profile", "paper-literal", "--envs", "2", "--steps", "3", "--json");
        Assert.True(code == 0, err);
        (code, var output, err) = Run("trace", "--scenario", "iomt", "--policy", "all-offload-best", "--steps", "2", "--set", "users=2", "--json");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var users = doc.RootElement.GetProperty("steps")[1].GetProperty("users");
        Assert.Equal(2, users.GetArrayLength());
        Assert.Equal(8, users[0].GetProperty("tasks").GetArrayLength());
    }

    [Theory]
    [InlineData(new[] { "run", "--scenario", "iomt", "--set", "users=0" }, "users", "[1, 64]")]
    [InlineData(new[] { "run", "--scenario", "iomt", "--set", "share_mapping=fair" }, "share_mapping", "scale-if-exceeds|normalise|penalty")]
    [InlineData(new[] { "run", "--scenario", "iomt", "--set", "d_min_bits=5e5" }, "d_min_bits", "d_max_bits")]
    [InlineData(new[] { "run", "--scenario", "iomt", "--policy", "static" }, "--policy 'static'", "greedy-priority")]
    public void BadInput_GivesOneLineError(string[] args, string names, string allowed) => AssertOneLineError(args, names, allowed);
}
