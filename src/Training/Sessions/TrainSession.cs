using System.Diagnostics;
using System.Globalization;
using GpuTwin.Kernels.Runtime;
using GpuTwin.Training.Ppo;
using GpuTwin.Training.Runs;
using GpuTwin.VecEnv;
using GpuTwin.VecEnv.Running;
using GpuTwin.VecEnv.Scenarios;

namespace GpuTwin.Training.Sessions;

/// <summary>One finished iteration, as logged to metrics.csv and TensorBoard.</summary>
public sealed record IterationReport(long Iteration, int Iterations, long EnvSteps, IReadOnlyDictionary<string, double> Values);

/// <summary>
/// A training run from start (or a resume) to the end: iterations of collect + update, metrics.csv and
/// TensorBoard after each, checkpoints/latest.ckpt every <see cref="TrainConfig.CheckpointEvery"/> iterations,
/// at the end and when cancelled (Ctrl-C), checkpoints/best.ckpt whenever the mean reward improves, and the
/// learning-curve PNG at the end. Everything is written atomically, so an interrupted run loses at most the
/// iterations since its last checkpoint, and a resume truncates metrics.csv to that checkpoint.
/// </summary>
public static class TrainSession
{
    /// <summary>Env metrics (from the scenario's counters) logged per iteration, when the scenario has them.</summary>
    public static readonly string[] EnvColumns = ["reward", "reward_center", "energy_mj", "failure_ratio", "migrations_per_mu_frame", "vqueue_mean"];
    public static readonly string[] UpdateColumns = ["policy_loss", "value_loss", "entropy", "approx_kl", "clip_fraction", "explained_variance", "log_factor_clamp_hits"];
    public static readonly string[] Columns = ["env_steps", .. EnvColumns, .. UpdateColumns, "sps", "seconds", "collect_seconds"];
    /// <summary>The score that picks best.ckpt: mean global reward per env-step (higher is better).</summary>
    public const string ScoreColumn = "reward";

    public static IVecEnv CreateEnv(TrainConfig config, ComputeDevice device, int envs, IEnumerable<string>? sweeps = null)
    {
        var scenario = ScenarioRegistry.Get(config.Scenario);
        var grid = ScenarioGrid.Build(scenario, config.Profile, config.Env.Select(kv => $"{kv.Key}={kv.Value}"), sweeps ?? [], envs);
        return scenario.CreateEnv(device, grid);
    }

    /// <param name="resume">Continue from checkpoints/latest.ckpt of an existing run directory.</param>
    public static void Run(TrainConfig config, RunDirectory run, bool resume, Action<IterationReport>? progress, CancellationToken cancel)
    {
        using var device = ComputeDevice.Create(DeviceKindNames.TryParse(config.Device, out var kind) ? kind : DeviceKind.Auto);
        using var env = CreateEnv(config, device, config.Envs);
        using var trainer = new PpoTrainer(env, config.Algo, config.Seed);
        string hash = config.Hash();
        long startIteration = 0;
        double best = double.NegativeInfinity;
        if (resume)
        {
            var info = Checkpoint.Load(run.LatestCheckpointPath, trainer.NamedModules, trainer.NamedOptimizers, hash);
            startIteration = info.Iteration;
            trainer.EnvSteps = info.EnvSteps;
            best = info.BestScore;
            RestoreValueNorms(trainer, info.Extra);
        }
        else
        {
            run.WriteConfig(config with { EnvResolved = Resolved(env) });
        }

        using var metrics = MetricsLog.Open(run.MetricsCsvPath, Columns, resume ? startIteration : null);
        using var tensorboard = new TensorBoardLog(run.TensorBoardDir, resume ? startIteration + 1 : null);
        // A resumed run starts fresh episodes (env state is not checkpointed), from a seed that depends on where it resumes.
        trainer.Reset(config.Seed + (ulong)startIteration * 0x9E3779B97F4A7C15UL);
        var clock = Stopwatch.StartNew();
        long iteration = startIteration;
        bool hasCounters = env.Spec.Counters.Metrics.Any(m => m.Name == ScoreColumn);
        try
        {
            while (iteration < config.Iterations && !cancel.IsCancellationRequested)
            {
                var t0 = clock.Elapsed.TotalSeconds;
                env.ClearTotals();
                trainer.Collect();
                double collectSeconds = clock.Elapsed.TotalSeconds - t0;
                var envMetrics = PolicyRunner.Summarise(env).First().Metrics;
                var stats = trainer.Update();
                iteration++;
                double seconds = clock.Elapsed.TotalSeconds - t0;
                var values = new Dictionary<string, double>
                {
                    ["env_steps"] = trainer.EnvSteps,
                    ["policy_loss"] = stats.PolicyLoss, ["value_loss"] = stats.ValueLoss, ["entropy"] = stats.Entropy,
                    ["approx_kl"] = stats.ApproxKl, ["clip_fraction"] = stats.ClipFraction,
                    ["explained_variance"] = stats.ExplainedVariance, ["log_factor_clamp_hits"] = stats.LogFactorClampHits,
                    ["sps"] = (double)config.Algo.RolloutSteps * config.Envs / seconds, ["seconds"] = seconds,
                    ["collect_seconds"] = collectSeconds,
                };
                foreach (var c in EnvColumns)
                    if (envMetrics.TryGetValue(c, out double v)) values[c] = v;
                metrics.Append(iteration, values);
                foreach (var (k, v) in values)
                    if (double.IsFinite(v)) tensorboard.Scalar(k, v, trainer.EnvSteps);
                tensorboard.Flush();

                double score = hasCounters ? values[ScoreColumn] : -stats.PolicyLoss;
                if (score > best)
                {
                    best = score;
                    Save(run.BestCheckpointPath, trainer, iteration, best, hash);
                }
                if (iteration % config.CheckpointEvery == 0 || iteration == config.Iterations)
                    Save(run.LatestCheckpointPath, trainer, iteration, best, hash);
                progress?.Invoke(new IterationReport(iteration, config.Iterations, trainer.EnvSteps, values));
            }
        }
        finally
        {
            // Ctrl-C or an exception: keep what was learned up to the last finished iteration.
            if (iteration > startIteration) Save(run.LatestCheckpointPath, trainer, iteration, best, hash);
            metrics.Dispose();
            if (File.Exists(run.MetricsCsvPath))
                LearningCurve.Save(run.MetricsCsvPath, run.LearningCurvePath, "env_steps",
                    ["reward", "energy_mj", "failure_ratio", "entropy"], $"{config.Scenario} {config.Preset} ({config.Algo.Algorithm}, {config.Algo.Distribution})");
        }
    }

    private static void Save(string path, PpoTrainer trainer, long iteration, double best, string hash)
    {
        var extra = new Dictionary<string, string>();
        for (int i = 0; i < trainer.ValueNorms.Count; i++)
        {
            var (m, v, c) = trainer.ValueNorms[i].State;
            extra[$"value_norm_{i}"] = string.Join(";", new[] { m, v, c }.Select(x => x.ToString("R", CultureInfo.InvariantCulture)));
        }
        Checkpoint.Save(path, new CheckpointInfo(iteration, trainer.EnvSteps, best, hash, extra), trainer.NamedModules, trainer.NamedOptimizers);
    }

    public static void RestoreValueNorms(PpoTrainer trainer, IReadOnlyDictionary<string, string> extra)
    {
        for (int i = 0; i < trainer.ValueNorms.Count; i++)
        {
            if (!extra.TryGetValue($"value_norm_{i}", out var text))
                throw new CheckpointException($"checkpoint: value_norm_{i} is missing (the checkpoint was written by another trainer layout)");
            var p = text.Split(';').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            trainer.ValueNorms[i].Restore(p[0], p[1], p[2]);
        }
    }

    private static Dictionary<string, string> Resolved(IVecEnv env)
    {
        var grid = env.Parameters;
        return grid.Table.Defs.Select((d, i) => (d.Key, Value: d.Format(grid.CellValue(0, i)))).ToDictionary(x => x.Key, x => x.Value);
    }
}
