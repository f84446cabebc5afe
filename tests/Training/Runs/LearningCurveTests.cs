using GpuTwin.Training.Runs;

namespace GpuTwin.Tests.Training.Runs;

public class LearningCurveTests
{
    [Fact]
    public void Save_WritesAPng_SkippingAbsentColumns()
    {
        using var tmp = new TempDir();
        string csv = tmp.File("metrics.csv"), png = tmp.File("learning_curve.png");
        using (var log = MetricsLog.Open(csv, ["env_steps", "reward_mean", "value_loss"]))
            for (int i = 1; i <= 20; i++)
                log.Append(i, new Dictionary<string, double> { ["env_steps"] = i * 1000, ["reward_mean"] = Math.Log(i), ["value_loss"] = 1.0 / i });

        LearningCurve.Save(csv, png, "env_steps", ["reward_mean", "value_loss", "not_logged"], "run 1");
        byte[] bytes = File.ReadAllBytes(png);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.True(bytes.Length > 1000);
        Assert.Equal(2, Directory.GetFiles(tmp.Path).Length); // csv + png, no temp file

        Assert.Throws<RunDirectoryException>(() => LearningCurve.Save(csv, png, "wall_time", ["reward_mean"], "t"));
        Assert.Throws<RunDirectoryException>(() => LearningCurve.Save(csv, png, "env_steps", ["nope"], "t"));
    }

    [Fact]
    public void Save_WithNoRowsYet_WritesNothing()
    {
        using var tmp = new TempDir();
        string csv = tmp.File("metrics.csv"), png = tmp.File("curve.png");
        using (MetricsLog.Open(csv, ["env_steps", "reward_mean"])) { }
        LearningCurve.Save(csv, png, "env_steps", ["reward_mean"], "empty");
        Assert.False(File.Exists(png));
    }
}
