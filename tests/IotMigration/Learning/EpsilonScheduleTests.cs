using GpuTwin.Training.Tabular;

namespace GpuTwin.Tests.IotMigration.Learning;

/// <summary>The ε schedule of spec §10.1: ε_k = max(0.01, 1 − 0.99·k/1500) over the paper's 2000 episodes.</summary>
public class EpsilonScheduleTests
{
    [Fact]
    public void PaperBudget_DecaysOver1500Episodes_AndIsAbout034AtEpisode1000()
    {
        var o = TabularOptions.Preset("paper", TabularAlgo.Jal);
        Assert.Equal(2000, o.Episodes);
        Assert.Equal(1500f, o.EpsilonDecayEpisodes);
        Assert.Equal(1f, o.Epsilon(0));
        Assert.Equal(1f - 0.99f * 1000f / 1500f, o.Epsilon(1000), 5);
        Assert.InRange(o.Epsilon(1000), 0.339f, 0.341f);
        Assert.Equal(1f - 0.99f * 0.5f, o.Epsilon(750), 5);
        Assert.Equal(0.01f, o.Epsilon(1500), 6);
        Assert.Equal(0.01f, o.Epsilon(1999));
    }

    [Fact]
    public void ShortBudget_KeepsTheShape()
    {
        var o = new TabularOptions { Episodes = 200 };
        Assert.Equal(150f, o.EpsilonDecayEpisodes);
        Assert.Equal(1f - 0.99f * 100f / 150f, o.Epsilon(100), 5);
        Assert.Equal(0.01f, o.Epsilon(150), 6);
    }

    [Theory]
    [InlineData("alpha", "0", "algo.alpha")]
    [InlineData("gamma", "1", "algo.gamma")]
    [InlineData("jal_context", "joint", "committed|none")]
    [InlineData("beta", "1", "known keys")]
    public void BadOverride_NamesTheKeyAndTheAllowedValues(string key, string value, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => new TabularOptions().With(key, value));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Overrides_Apply()
    {
        var o = new TabularOptions().With("alpha", "0.25").With("gamma", "0").With("jal_context", "none");
        Assert.Equal(0.25f, o.Alpha);
        Assert.Equal(0f, o.Gamma);
        Assert.Equal(JalContextMode.None, o.JalContext);
    }
}
