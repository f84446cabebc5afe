using GpuTwin.Tests.Training.Runs;
using GpuTwin.Training.Networks;
using GpuTwin.Training.Ppo;
using GpuTwin.Training.Runs;
using GpuTwin.Training.Sessions;
using GpuTwin.Cli.Commands.Eval;

namespace GpuTwin.Tests.Training.Ppo;

/// <summary>End-to-end training on a small dt-sync case: learning, the run directory, resume.</summary>
[Collection(nameof(TorchGlobalRngCollection))]
public class TrainingRunTests
{
    /// <summary>3 MUs, 2 BSs, 100-slot episodes (T = 20, Q = 5): small enough to learn in seconds on 2 cores.</summary>
    private static TrainConfig Small(PpoAlgorithm algo, ContinuousHeadKind dist, long steps, ulong seed = 7) => new()
    {
        Scenario = "dt-sync",
        Env = new Dictionary<string, string> { ["K"] = "3", ["M"] = "2", ["T"] = "20", ["Q"] = "5", ["mig_slots"] = "2" },
        Algo = PpoOptions.Preset("quick", algo, dist),
        Preset = "quick",
        Envs = 32,
        Steps = steps,
        Seed = seed,
        Device = "cpu",
        CheckpointEvery = 2,
    };

    private static string TempRun() => Path.Combine(Path.GetTempPath(), "gputwin-run-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void Happo_LearnsToFailLessThanRandom_AndWritesTheWholeRunDirectory()
    {
        string dir = TempRun();
        try
        {
            var config = Small(PpoAlgorithm.Happo, ContinuousHeadKind.Beta, steps: 600);
            var run = RunDirectory.Create(dir);
            var reports = new List<IterationReport>();
            TrainSession.Run(config, run, resume: false, reports.Add, CancellationToken.None);
            Assert.Equal(12, reports.Count);
            Assert.All(reports, r => Assert.True(double.IsFinite(r.Values["policy_loss"]) && double.IsFinite(r.Values["value_loss"])));

            foreach (var f in new[] { run.ConfigPath, run.MetricsCsvPath, run.LatestCheckpointPath, run.BestCheckpointPath, run.LearningCurvePath })
                Assert.True(File.Exists(f), f);
            Assert.NotEmpty(Directory.GetFiles(run.TensorBoardDir, "events.out.tfevents.*"));
            Assert.Equal(12, MetricsLog.Read(run.MetricsCsvPath).Count);
            Assert.Equal(12, Checkpoint.ReadInfo(run.LatestCheckpointPath).Iteration);

            // Deterministic evaluation on fresh episodes: the trained policy fails clearly less than random.
            var rows = Evaluation.Run(run, "latest", 32, 300, 99, [], "cpu");
            double trained = rows.Single(r => r.Policy.StartsWith("trained")).Metrics["failure_ratio"];
            double random = rows.Single(r => r.Policy == "random").Metrics["failure_ratio"];
            Assert.True(trained < 0.6 * random, $"trained failure ratio {trained:G3} vs random {random:G3}");
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }

    [Theory]
    [InlineData(PpoAlgorithm.Mappo, ContinuousHeadKind.Gaussian)]
    [InlineData(PpoAlgorithm.Ippo, ContinuousHeadKind.Beta)]
    public void Resume_ContinuesFromTheLatestCheckpoint_AndTruncatesMetricsToIt(PpoAlgorithm algo, ContinuousHeadKind dist)
    {
        string dir = TempRun();
        try
        {
            var config = Small(algo, dist, steps: 200) with { Algo = PpoOptions.Preset("quick", algo, dist) with { Epochs = 2 } };
            var run = RunDirectory.Create(dir);
            using (var cancel = new CancellationTokenSource())
            {
                // Cancel after iteration 3: the session saves latest.ckpt at 3 although CheckpointEvery is 2.
                TrainSession.Run(config, run, false, r => { if (r.Iteration == 3) cancel.Cancel(); }, cancel.Token);
            }
            Assert.Equal(3, Checkpoint.ReadInfo(run.LatestCheckpointPath).Iteration);
            Assert.Equal(3, MetricsLog.Read(run.MetricsCsvPath).Count);

            var resumed = new List<IterationReport>();
            TrainSession.Run(run.ReadConfig<TrainConfig>(), RunDirectory.Open(dir), resume: true, resumed.Add, CancellationToken.None);
            Assert.Equal([4L], resumed.Select(r => r.Iteration));
            var rows = MetricsLog.Read(run.MetricsCsvPath);
            Assert.Equal([1.0, 2.0, 3.0, 4.0], rows.Select(r => r["iteration"]));
            Assert.Equal(4 * 50 * 32.0, rows[^1]["env_steps"]);

            // A changed config cannot silently resume the old networks.
            var changed = config with { Algo = config.Algo with { Hidden = [32] } };
            Assert.Throws<CheckpointException>(() => TrainSession.Run(changed, RunDirectory.Open(dir), true, null, CancellationToken.None));
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }

    [Theory]
    [InlineData(HappoOrder.Reference)]
    [InlineData(HappoOrder.Algorithm1)]
    public void HeterogeneousHappo_HasOneActorPerAgent_AndEachGetsATurn(HappoOrder order)
    {
        using var device = GpuTwin.Kernels.Runtime.ComputeDevice.Create(GpuTwin.Kernels.Runtime.DeviceKind.Cpu);
        var config = Small(PpoAlgorithm.Happo, ContinuousHeadKind.Gaussian, steps: 100);
        using var env = TrainSession.CreateEnv(config, device, 8);
        var options = config.Algo with { ShareWithinGroup = false, Epochs = 2, StateDependentStd = true, HappoOrder = order };
        using var trainer = new PpoTrainer(env, options, 5);
        // K + M + 1 = 3 + 2 + 1 actors, two critics (r_g and r_c).
        Assert.Equal(6, trainer.Actors.Count);
        Assert.Equal(8, trainer.NamedModules.Count);
        var before = trainer.Actors.Select(a => a.parameters().Select(p => p.clone()).ToList()).ToList();
        trainer.Reset(5);
        trainer.Collect();
        var stats = trainer.Update();
        Assert.True(double.IsFinite(stats.PolicyLoss) && double.IsFinite(stats.ValueLoss));
        for (int a = 0; a < 6; a++)
        {
            var after = trainer.Actors[a].parameters().ToList();
            Assert.True(before[a].Zip(after).Any(p => !p.First.allclose(p.Second)), $"actor {a} was not updated");
        }
    }

    [Theory]
    [InlineData("v2x")]
    [InlineData("iomt")]
    public void TrainerAndEval_RunOnEveryScenario(string scenario)
    {
        // The trainer only reads the EnvSpec: groups, spaces, masks and reward streams; any scenario must fit.
        string dir = TempRun();
        try
        {
            var config = Small(PpoAlgorithm.Mappo, ContinuousHeadKind.Beta, steps: 20) with
            {
                Scenario = scenario, Env = new Dictionary<string, string>(), Envs = 2,
                Algo = PpoOptions.Preset("quick", PpoAlgorithm.Mappo, ContinuousHeadKind.Beta) with { Epochs = 1, RolloutSteps = 10 },
            };
            var run = RunDirectory.Create(dir);
            TrainSession.Run(config, run, false, null, CancellationToken.None);
            Assert.Equal(2, MetricsLog.Read(run.MetricsCsvPath).Count);
            var rows = Evaluation.Run(run, "latest", 2, 5, 3, [], "cpu");
            Assert.Contains(rows, r => r.Policy.StartsWith("trained"));
            Assert.All(rows, r => Assert.NotEmpty(r.Headline));
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }

    [Fact]
    public void SameSeed_GivesTheSameTrainingMetrics()
    {
        IReadOnlyList<IReadOnlyDictionary<string, double>> Train()
        {
            string dir = TempRun();
            try
            {
                var config = Small(PpoAlgorithm.Happo, ContinuousHeadKind.Beta, steps: 100) with { Algo = PpoOptions.Preset("quick", PpoAlgorithm.Happo, ContinuousHeadKind.Beta) with { Epochs = 2 } };
                TrainSession.Run(config, RunDirectory.Create(dir), false, null, CancellationToken.None);
                return MetricsLog.Read(Path.Combine(dir, "metrics.csv"));
            }
            finally { Directory.Delete(dir, true); }
        }
        string[] keys = ["reward", "energy_mj", "failure_ratio", "policy_loss", "value_loss", "entropy"];
        var a = Train();
        var b = Train();
        Assert.Equal(a.Count, b.Count);
        for (int i = 0; i < a.Count; i++)
            foreach (var k in keys) Assert.Equal(a[i][k], b[i][k]);
    }
}
