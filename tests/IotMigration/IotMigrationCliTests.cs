using System.Text.Json;
using static GpuTwin.Tests.Common.CliBed;

namespace GpuTwin.Tests.IotMigration;

/// <summary>The iot-migration scenario through the generic CLI (with its real X.509 authority).</summary>
public class IotMigrationCliTests
{
    [Fact]
    public void Scenarios_ListsIotMigrationWithItsShapesProfilesAndPolicies()
    {
        var s = ListedScenario("iot-migration", "--scenario", "iot-migration");
        var g = Assert.Single(s.GetProperty("groups").EnumerateArray());
        Assert.Equal(12, g.GetProperty("observation_size").GetInt32());
        Assert.Equal(31, s.GetProperty("global_state_size").GetInt32());
        Assert.Contains(s.GetProperty("profiles").EnumerateArray(), p => p.GetProperty("Name").GetString() == "paper-literal");
        Assert.Contains(s.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("Key").GetString() == "users_per_server");
    }

    [Fact]
    public void Run_SweepsUsersPerServerInOneBatch()
    {
        var (code, output, err) = Run("run", "--scenario", "iot-migration", "--policy", "greedy,local", "--sweep", "users_per_server=10,30",
            "--envs", "1", "--steps", "3", "--json");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var rows = doc.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(4, rows.Count);
        Assert.Contains(rows, r => r.GetProperty("cell").GetString() == "users_per_server=30");
        Assert.All(rows, r => Assert.True(r.GetProperty("metrics").GetProperty("mean_latency_s").GetDouble() > 0));
    }

    [Theory]
    [InlineData(new[] { "run", "--scenario", "iot-migration", "--set", "users_per_server=0" }, "users_per_server", "[1, 64]")]
    [InlineData(new[] { "run", "--scenario", "iot-migration", "--sweep", "combine=max,mean" }, "combine", "max|sum")]
    [InlineData(new[] { "run", "--scenario", "iot-migration", "--set", "speed_lo_mps=3" }, "speed_lo_mps", "speed_hi_mps")]
    [InlineData(new[] { "run", "--scenario", "iot-migration", "--sweep", "episode_slots=50,100" }, "episode_slots", "one value per batch")]
    [InlineData(new[] { "run", "--scenario", "iot-migration", "--policy", "jal" }, "--policy 'jal'", "greedy")]
    public void BadInput_GivesOneLineError(string[] args, string names, string allowed) => AssertOneLineError(args, names, allowed);
}
