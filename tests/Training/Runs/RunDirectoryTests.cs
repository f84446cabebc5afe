using GpuTwin.Training.Runs;

namespace GpuTwin.Tests.Training.Runs;

public class RunDirectoryTests
{
    public enum Algo { Ppo, Mappo }

    public sealed record TrainConfig(string Scenario, int Agents, double LearningRate, double MaxGradNorm, Algo Algorithm, int[] Hidden);

    private static readonly TrainConfig Sample = new("urban-macro", 8, 3e-4, double.PositiveInfinity, Algo.Mappo, [256, 256]);

    [Fact]
    public void Create_MakesLayout_AndPathsLiveInsideTheRun()
    {
        using var tmp = new TempDir();
        var run = RunDirectory.Create(tmp.File("run1"));
        Assert.True(Directory.Exists(run.Path));
        Assert.True(Directory.Exists(Path.GetDirectoryName(run.LatestCheckpointPath)));
        Assert.True(Directory.Exists(run.TensorBoardDir));
        Assert.Equal(Path.Combine(run.Path, "config.json"), run.ConfigPath);
        Assert.Equal(Path.Combine(run.Path, "metrics.csv"), run.MetricsCsvPath);
        Assert.Equal(Path.Combine(run.Path, "tensorboard"), run.TensorBoardDir);
        Assert.Equal(Path.Combine(run.Path, "checkpoints", "latest.ckpt"), run.LatestCheckpointPath);
        Assert.Equal(Path.Combine(run.Path, "checkpoints", "best.ckpt"), run.BestCheckpointPath);
        Assert.Equal(Path.Combine(run.Path, "learning_curve.png"), run.LearningCurvePath);
    }

    [Fact]
    public void Create_AcceptsAnExistingEmptyFolder_ButRefusesAnExistingRun()
    {
        using var tmp = new TempDir();
        var run = RunDirectory.Create(tmp.Path); // exists, but empty: fine
        run.WriteConfig(Sample);
        byte[] before = File.ReadAllBytes(run.ConfigPath);

        var ex = Assert.Throws<RunDirectoryException>(() => RunDirectory.Create(tmp.Path));
        Assert.Contains("config.json", ex.Message);
        Assert.Contains("--resume", ex.Message);
        Assert.Contains("--out", ex.Message);
        Assert.Equal(before, File.ReadAllBytes(run.ConfigPath)); // untouched
    }

    [Fact]
    public void Create_RefusesAFolderWithMetricsOrCheckpointsEvenWithoutConfig()
    {
        using var tmp = new TempDir();
        Directory.CreateDirectory(tmp.File("checkpoints"));
        File.WriteAllText(tmp.File("checkpoints/latest.ckpt"), "x");
        var ex = Assert.Throws<RunDirectoryException>(() => RunDirectory.Create(tmp.Path));
        Assert.Contains("latest.ckpt", ex.Message);
    }

    [Fact]
    public void Open_NamesTheMissingFile()
    {
        using var tmp = new TempDir();
        var missingDir = Assert.Throws<RunDirectoryException>(() => RunDirectory.Open(tmp.File("nope")));
        Assert.Contains("does not exist", missingDir.Message);

        var noConfig = Assert.Throws<RunDirectoryException>(() => RunDirectory.Open(tmp.Path));
        Assert.Contains("config.json", noConfig.Message);

        var run = RunDirectory.Create(tmp.Path);
        run.WriteConfig(Sample);
        var noCkpt = Assert.Throws<RunDirectoryException>(() => RunDirectory.Open(tmp.Path));
        Assert.Contains("checkpoints/latest.ckpt", noCkpt.Message);
        Assert.DoesNotContain("interrupted", noCkpt.Message);

        File.WriteAllText(run.LatestCheckpointPath + ".tmp", "half a checkpoint");
        var onlyTmp = Assert.Throws<RunDirectoryException>(() => RunDirectory.Open(tmp.Path));
        Assert.Contains("interrupted", onlyTmp.Message);

        File.WriteAllText(run.LatestCheckpointPath, "present");
        Assert.Equal(run.Path, RunDirectory.Open(tmp.Path).Path);
    }

    [Fact]
    public void Config_RoundTrips_AsIndentedJson_Atomically()
    {
        using var tmp = new TempDir();
        var run = RunDirectory.Create(tmp.Path);
        run.WriteConfig(Sample);
        string text = File.ReadAllText(run.ConfigPath);
        Assert.Contains("\n  \"Scenario\": \"urban-macro\"", text);
        Assert.Contains("\"Mappo\"", text); // enums by name
        Assert.False(File.Exists(run.ConfigPath + ".tmp"));

        var back = run.ReadConfig<TrainConfig>();
        Assert.Equal(Sample with { Hidden = back.Hidden }, back);
        Assert.Equal(Sample.Hidden, back.Hidden);

        // Overwrite in place: still atomic and readable.
        run.WriteConfig(Sample with { Agents = 16 });
        Assert.Equal(16, run.ReadConfig<TrainConfig>().Agents);
        Assert.Single(Directory.GetFiles(run.Path));
    }

    [Fact]
    public void MalformedConfig_GivesFileAndPosition()
    {
        using var tmp = new TempDir();
        var run = RunDirectory.Create(tmp.Path);
        File.WriteAllText(run.ConfigPath, "{\n  \"Scenario\": \"a\",\n  \"Agents\": 8,,\n}\n");
        var ex = Assert.Throws<RunDirectoryException>(() => run.ReadConfig<TrainConfig>());
        Assert.Contains(run.ConfigPath, ex.Message);
        Assert.Contains("line 3", ex.Message);
        Assert.Contains("byte", ex.Message);

        File.WriteAllText(run.ConfigPath, "{ \"Agents\": \"eight\" }");
        var typeEx = Assert.Throws<RunDirectoryException>(() => run.ReadConfig<TrainConfig>());
        Assert.Contains("$.Agents", typeEx.Message);

        File.WriteAllText(run.ConfigPath, "null");
        Assert.Contains("null", Assert.Throws<RunDirectoryException>(() => run.ReadConfig<TrainConfig>()).Message);

        File.Delete(run.ConfigPath);
        Assert.Contains("config.json", Assert.Throws<RunDirectoryException>(() => run.ReadConfig<TrainConfig>()).Message);
    }
}
