using System.Text.Json;
using static GpuTwin.Tests.Common.CliBed;

namespace GpuTwin.Tests.CollabMec;

/// <summary>The collab-mec scenario through the generic CLI: listing, profiles, sweeps, traces and clear errors.</summary>
public class CollabMecCliTests
{
    [Fact]
    public void Scenarios_ListsCollabMecWithItsShapesProfilesAndPolicies()
    {
        var s = ListedScenario("collab-mec");
        var g = Assert.Single(s.GetProperty("groups").EnumerateArray());
        Assert.Equal(1930, g.GetProperty("observation_size").GetInt32());
        Assert.Equal(1930, s.GetProperty("global_state_size").GetInt32());
        var profiles = s.GetProperty("profiles").EnumerateArray().Select(p => p.GetProperty("Name").GetString()).ToList();
        Assert.Equal(["calibrated", "paper-literal"], profiles);
        Assert.Contains(s.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("Key").GetString() == "award_scale_bs1");
        Assert.Contains("ggpo", s.GetRawText());
        Assert.Contains("olnpo", s.GetRawText());
    }

    [Fact]
    public void Run_SweepsComputeCapacityInOneBatch_WithPerCellMetrics()
    {
        var (code, output, err) = Run("run", "--scenario", "collab-mec", "--policy", "ggpo", "--sweep", "cpu_hz=0.4e9,1.5e9",
            "--envs", "1", "--steps", "3", "--json");
        Assert.True(code == 0, err);
        Assert.Contains("cpu_hz=4E+08", output);
        Assert.Contains("cpu_hz=1.5E+09", output);
        Assert.Contains("income", output);
        Assert.Contains("peer_offloaded", output);
    }

    [Fact]
    public void PaperLiteralProfile_AndPerBsView_Run_AndTraceGivesPerDeviceQuantities()
    {
        var (code, _, err) = Run("run", "--scenario", "collab-mec", "--profile", "paper-literal", "--set", "view=per-bs",
            "--policy", "lpwpo", "--envs", "1", "--steps", "2", "--json");
        Assert.True(code == 0, err);
        (code, var output, err) = Run("trace", "--scenario", "collab-mec", "--policy", "offload-all-home", "--steps", "2",
            "--set", "devices_bs1=4", "--set", "devices_bs2=2", "--set", "devices_bs3=3", "--json");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var bss = doc.RootElement.GetProperty("steps")[1].GetProperty("bss");
        Assert.Equal(3, bss.GetArrayLength());
        Assert.Equal(4, bss[0].GetProperty("devices").GetArrayLength());
        Assert.Equal(2, bss[1].GetProperty("devices").GetArrayLength());
    }

    [Theory]
    [InlineData(new[] { "run", "--scenario", "collab-mec", "--set", "deadline_scale=12" }, "deadline_scale", "[1E-06, 10]")]
    [InlineData(new[] { "run", "--scenario", "collab-mec", "--set", "deadline_scale=10" }, "deadline_scale", "ψ < 10")]
    [InlineData(new[] { "run", "--scenario", "collab-mec", "--set", "view=mixed" }, "view", "central|per-bs")]
    [InlineData(new[] { "run", "--scenario", "collab-mec", "--sweep", "obs_extras=off,on" }, "obs_extras", "cannot be swept")]
    [InlineData(new[] { "run", "--scenario", "collab-mec", "--set", "bs_count=2" }, "devices_bs3", "bs_count = 2")]
    [InlineData(new[] { "run", "--scenario", "collab-mec", "--policy", "ddqn" }, "--policy 'ddqn'", "olnpo|lpwpo|ggpo")]
    public void BadInput_GivesOneLineError(string[] args, string names, string allowed) => AssertOneLineError(args, names, allowed);
}
