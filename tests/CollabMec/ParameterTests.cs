using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Scenarios;
using GpuTwin.VecEnv.Scenarios.CollaborativeMec;
using static GpuTwin.VecEnv.Scenarios.CollaborativeMec.CollabMecParameters;

namespace GpuTwin.Tests.CollabMec;

public class ParameterTests
{
    [Fact]
    public void IndexConstants_NameTheirKeys()
    {
        var t = Table;
        (int Index, string Key)[] expected =
        [
            (BsCount, "bs_count"), (DevicesBs1, "devices_bs1"), (CpuHzKey, "cpu_hz"), (WiredBpsKey, "wired_bps"), (WiredTopology, "wired_topology"),
            (BandwidthHzKey, "bandwidth_hz"), (NoisePsdKey, "noise_psd"), (GainMeanKey, "gain_mean"), (GainScaleKey, "gain_scale"),
            (HarvestScaleKey, "harvest_scale"), (SizeScaleKey, "size_scale"), (DeadlineScaleKey, "deadline_scale"),
            (AwardScaleBs1, "award_scale_bs1"), (DensityScaleBs1, "density_scale_bs1"), (DensityScaleOthers, "density_scale_others"),
            (PLo, "p_lo"), (PHi, "p_hi"), (SizeMinBits, "size_min_bits"), (SizeMaxBits, "size_max_bits"), (DensityMin, "density_min"),
            (DensityMax, "density_max"), (DeadlineMinS, "deadline_min_s"), (DeadlineMaxS, "deadline_max_s"), (AwardMin, "award_min"),
            (AwardMax, "award_max"), (HarvestMinJ, "harvest_min_j"), (HarvestMaxJ, "harvest_max_j"), (BatteryInitMaxJ, "battery_init_max_j"),
            (BatteryCapJ, "battery_cap_j"), (EpisodeSlots, "episode_slots"), (SlotS, "slot_s"), (HarvestAsPower, "harvest_as_power"),
            (PowerPerSlot, "power_per_slot"), (WiredSharing, "wired_sharing"), (ObsTxPower, "obs_tx_power"), (ObsExtras, "obs_extras"),
            (AgentIdInObs, "agent_id_in_obs"), (RewardSplit, "reward_split"), (View, "view"), (CpuModeKey, "cpu_mode"), (CpuDropRuleKey, "cpu_drop_rule"),
        ];
        foreach (var (i, key) in expected) Assert.Equal(key, t.Defs[i].Key);
        for (int b = 0; b < MaxBs; b++)
        {
            Assert.Equal($"devices_bs{b + 1}", t.Defs[DevicesKey(b)].Key);
            Assert.Equal($"award_scale_bs{b + 1}", t.Defs[AwardScaleKey(b)].Key);
            Assert.Equal($"density_scale_bs{b + 1}", t.Defs[DensityScaleKey(b)].Key);
        }
    }

    [Theory]
    [InlineData("bs_count", 3)]
    [InlineData("devices_bs1", 30)]
    [InlineData("devices_bs2", 55)]
    [InlineData("devices_bs3", 80)]
    [InlineData("cpu_hz", 0.6e9)]
    [InlineData("wired_bps", 1e8)]
    [InlineData("bandwidth_hz", 1e6)]
    [InlineData("noise_psd", 1e-8)]
    [InlineData("gain_mean", 0.1)]
    [InlineData("p_lo", 0.05)]
    [InlineData("p_hi", 0.18)]
    [InlineData("size_min_bits", 5e4)]
    [InlineData("size_max_bits", 8e4)]
    [InlineData("density_min", 3000)]
    [InlineData("density_max", 8000)]
    [InlineData("deadline_min_s", 0.2)]
    [InlineData("deadline_max_s", 2.0)]
    [InlineData("award_min", 1)]
    [InlineData("award_max", 3)]
    [InlineData("harvest_min_j", 1e-3)]
    [InlineData("harvest_max_j", 1.5e-3)]
    [InlineData("battery_init_max_j", 0.02)]
    [InlineData("battery_cap_j", 1e30)]
    [InlineData("episode_slots", 200)]
    [InlineData("slot_s", 2)]
    public void Defaults_AreTheSpecSection8Values(string key, double value) => Assert.Equal(value, Table[key].Default);

    [Fact]
    public void Profiles_DifferOnlyInF()
    {
        var s = new CollabMecScenario();
        Assert.Equal(["calibrated", "paper-literal"], s.Profiles.Select(p => p.Name));
        Assert.Empty(s.Profiles[0].Overrides);
        var literal = Assert.Single(s.Profiles[1].Overrides);
        Assert.Equal("cpu_hz", literal.Key);
        Assert.Equal(5e9, Table["cpu_hz"].Parse(literal.Value));
    }

    [Theory]
    [InlineData("deadline_scale=10", "deadline_scale", "(ψ < 10)")]
    [InlineData("deadline_scale=0", "deadline_scale", "out of range")]
    [InlineData("devices_bs2=2000", "devices_bs2", "[0, 1024]")]
    [InlineData("bs_count=5", "bs_count", "[1, 4]")]
    [InlineData("view=both", "view", "central|per-bs")]
    [InlineData("gain_scale=-1", "gain_scale", "[0,")]
    public void BadValues_NameTheKeyAndTheRange(string set, string key, string allowed)
    {
        var e = Assert.Throws<ParameterException>(() => ScenarioGrid.Build(new CollabMecScenario(), null, [set], [], 1));
        Assert.Contains(key, e.Message);
        Assert.Contains(allowed, e.Message);
    }

    [Theory]
    [InlineData(new[] { "deadline_min_s=0.5", "deadline_scale=4" }, "deadline_scale", "< deadline_max_s")]
    [InlineData(new[] { "bs_count=2" }, "devices_bs3", "must be 0 when bs_count = 2")]
    [InlineData(new[] { "p_lo=0.2" }, "p_lo", "p_hi")]
    [InlineData(new[] { "size_min_bits=9e4" }, "size_min_bits", "size_max_bits")]
    public void CrossFieldChecks_NameTheFields(string[] sets, string key, string text)
    {
        var e = Assert.Throws<ParameterException>(() => ScenarioGrid.Build(new CollabMecScenario(), null, sets, [], 1));
        Assert.Contains(key, e.Message);
        Assert.Contains(text, e.Message);
    }

    [Fact]
    public void ShapeKeys_CannotBeSwept()
    {
        var e = Assert.Throws<ParameterException>(() => ScenarioGrid.Build(new CollabMecScenario(), null, [], ["view=central,per-bs"], 1));
        Assert.Contains("view", e.Message);
        Assert.Contains("cannot be swept", e.Message);
    }
}
