using GpuTwin.Kernels.Runtime;
using GpuTwin.Training.Runs;
using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Scenarios;
using GpuTwin.VecEnv.Scenarios.IotMigration;

namespace GpuTwin.Training.Tabular;

/// <summary>
/// A tabular training run into a run directory: config.json, metrics.csv (one row per episode), the tables in
/// checkpoints/latest.ckpt (<see cref="QTableFile"/>, every <see cref="TabularTrainConfig.CheckpointEvery"/>
/// episodes, at the end and when cancelled) and learning_curve.png.
/// </summary>
public static class TabularSession
{
    /// <param name="scenario">The scenario to build the env from (default: the registry's entry for config.Scenario).</param>
    public static IotMigrationEnv CreateEnv(TabularTrainConfig config, ComputeDevice device, int envs, IEnumerable<string>? sweeps = null, IScenario? scenario = null)
    {
        scenario ??= ScenarioRegistry.Get(config.Scenario);
        var grid = ScenarioGrid.Build(scenario, config.Profile, config.Env.Select(kv => $"{kv.Key}={kv.Value}"), sweeps ?? [], envs);
        var env = scenario.CreateEnv(device, grid);
        if (env is IotMigrationEnv iot) return iot;
        env.Dispose();
        throw new ParameterException($"--algo {config.Algo.Algorithm.ToString().ToLowerInvariant()}: tabular learners need --scenario {IotMigrationEnv.Id}; got {config.Scenario}");
    }

    /// <summary>H of the config's env (slots per episode).</summary>
    public static int EpisodeSlots(TabularTrainConfig config, IScenario? scenario = null)
    {
        scenario ??= ScenarioRegistry.Get(config.Scenario);
        var grid = ScenarioGrid.Build(scenario, config.Profile, config.Env.Select(kv => $"{kv.Key}={kv.Value}"), [], 1);
        return (int)grid.Value(0, IotMigrationParameters.EpisodeSlots);
    }

    public static QTableHeader Header(TabularTrainConfig config, TabularLearner learner, int episodes) =>
        new(config.Algo.Algorithm, learner.NumEnvs, learner.Tables.States, learner.Tables.Contexts, learner.Tables.Actions, episodes, config.Hash());

    public static void Save(string path, TabularTrainConfig config, TabularLearner learner, int episodes) =>
        QTableFile.Save(path, Header(config, learner, episodes), learner.DownloadQ(), learner.DownloadCounts(), learner.DownloadVisited());

    public static void Run(TabularTrainConfig config, RunDirectory run, Action<EpisodeReport>? progress, CancellationToken cancel, IScenario? scenario = null)
    {
        using var device = ComputeDevice.Create(DeviceKindNames.TryParse(config.Device, out var kind) ? kind : DeviceKind.Auto);
        using var env = CreateEnv(config, device, config.Envs, scenario: scenario);
        using var binding = new IotMigrationBinding(env);
        using var learner = binding.CreateLearner(config.Algo);
        var grid = env.Parameters;
        run.WriteConfig(config with
        {
            EnvResolved = grid.Table.Defs.Select((d, i) => (d.Key, Value: d.Format(grid.CellValue(0, i)))).ToDictionary(x => x.Key, x => x.Value),
        });
        int done = 0;
        using (var metrics = MetricsLog.Open(run.MetricsCsvPath, TabularTrainer.Columns))
        {
            try
            {
                TabularTrainer.Train(binding, learner, config.Seed, r =>
                {
                    metrics.Append(r.Episode, r.Values);
                    done = r.Episode;
                    if (done % config.CheckpointEvery == 0 || done == r.Episodes) Save(run.LatestCheckpointPath, config, learner, done);
                    progress?.Invoke(r);
                }, cancel);
            }
            finally
            {
                // Ctrl-C or an exception: keep the tables of the last finished episode.
                if (done > 0 && done % config.CheckpointEvery != 0 && done != config.Algo.Episodes) Save(run.LatestCheckpointPath, config, learner, done);
            }
        }
        if (done > 0)
            LearningCurve.Save(run.MetricsCsvPath, run.LearningCurvePath, MetricsLog.IterationColumn,
                ["reward", "latency_s", "epsilon", "td_error", "q_visited", "context_entropy_bits"],
                $"{config.Scenario} {config.Algo.Algorithm} ({config.Envs} envs)", xLabel: "episode");
    }
}
