using System.Text.Json;
using static GpuTwin.Tests.Common.CliBed;

namespace GpuTwin.Tests.Cli;

public class BenchCommandTests
{
    [Fact]
    public void Bench_Json_HasOnePositiveRowPerSize_AndWritesThePlot()
    {
        string plot = Path.Combine(Path.GetTempPath(), $"gputwin-bench-{Guid.NewGuid():N}.png");
        try
        {
            var (code, output, err) = Run("bench", "--envs", "8,1", "--seconds", "0.2", "--device", "cpu", "--json", "--plot", plot);
            Assert.True(code == 0, err);
            using var doc = JsonDocument.Parse(output);
            var root = doc.RootElement;
            Assert.Equal("dt-sync", root.GetProperty("scenario").GetString());
            Assert.Equal("static", root.GetProperty("policy").GetString());
            int agents = root.GetProperty("agents_per_env").GetInt32();
            Assert.Equal(36, agents);
            var rows = root.GetProperty("rows").EnumerateArray().ToList();
            Assert.Equal([1, 8], rows.Select(r => r.GetProperty("envs").GetInt32()));
            foreach (var r in rows)
            {
                Assert.True(r.GetProperty("steps").GetInt64() > 0);
                double seconds = r.GetProperty("seconds").GetDouble(), perSecond = r.GetProperty("env_steps_per_s").GetDouble();
                Assert.True(seconds > 0 && perSecond > 0);
                Assert.Equal(r.GetProperty("envs").GetInt32() * r.GetProperty("steps").GetInt64() / seconds, perSecond, 6);
                Assert.Equal(perSecond * agents, r.GetProperty("agent_steps_per_s").GetDouble(), 6);
                // dt-sync defaults (K = 30, M = 5): the observations and the two global-state buffers alone are
                // 4 bytes × (K·(2M+7) + (1 + 2M + K(M+8))·M + (KM + 2M + 2K) + 2·(9K + 2M + 2KM + 1)) per env.
                const int k = 30, m = 5;
                double floor = 4.0 * (k * (2 * m + 7) + (1 + 2 * m + k * (m + 8)) * m + (k * m + 2 * m + 2 * k) + 2 * (9 * k + 2 * m + 2 * k * m + 1));
                double bytes = r.GetProperty("state_bytes_per_env").GetDouble();
                Assert.True(bytes > floor, $"state bytes per env {bytes} not above the output buffers' {floor}");
                Assert.True(bytes < 100 * floor, $"state bytes per env {bytes} implausibly large");
                Assert.Equal(bytes * perSecond / 1e9, r.GetProperty("footprint_gb_per_s").GetDouble(), 9);
            }
            Assert.True(File.Exists(plot) && new FileInfo(plot).Length > 0, "the plot PNG was not written");
            Assert.Equal(Path.GetFullPath(plot), root.GetProperty("plot").GetString());
        }
        finally
        {
            File.Delete(plot);
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1,abc")]
    [InlineData("1,,99999999")]
    [InlineData("-4")]
    public void Bench_BadEnvs_GivesOneLineErrorNamingEnvsAndTheRange_AndExitCode2(string envs)
    {
        var (code, output, err) = Run("bench", "--envs", envs, "--seconds", "0.1", "--plot", Path.Combine(Path.GetTempPath(), "never-written.png"));
        Assert.Equal(2, code);
        var line = err.Trim();
        Assert.DoesNotContain('\n', line);
        Assert.StartsWith("gputwin: error: --envs", line);
        Assert.Contains("[1, 4194304]", line);
        Assert.Equal("", output.Trim());
    }
}
