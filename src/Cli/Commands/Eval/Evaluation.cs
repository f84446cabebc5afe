using GpuTwin.Cli.Common;
using GpuTwin.Kernels.Runtime;
using GpuTwin.Training.Plots;
using GpuTwin.Training.Ppo;
using GpuTwin.Training.Runs;
using GpuTwin.Training.Sessions;
using GpuTwin.Training.Tabular;
using GpuTwin.VecEnv.Policies;
using GpuTwin.VecEnv.Running;
using GpuTwin.VecEnv.Scenarios;

namespace GpuTwin.Cli.Commands.Eval;

/// <summary>One evaluated (policy, sweep cell) pair.</summary>
/// <param name="Headline">The scenario's headline metric names (the table's columns).</param>
public sealed record EvalRow(string Policy, string Cell, IReadOnlyDictionary<string, double> Metrics, IReadOnlyList<string> Headline);

/// <summary>
/// Evaluates a run's trained policy (deterministic actions) beside the scenario's baselines and random,
/// all on the same envs (same seed, so every policy meets the same mobility, requests and fading).
/// </summary>
public static class Evaluation
{
    public static IReadOnlyList<EvalRow> Run(RunDirectory run, string checkpoint, int envs, int steps, ulong seed, IReadOnlyList<string> sweeps, string deviceName)
    {
        if (TabularTrainConfig.IsTabularConfig(run.ConfigPath))
        {
            if (checkpoint != "latest") throw new UsageException($"--checkpoint: '{checkpoint}' is not allowed for a tabular (jal|il) run; allowed: latest");
            var (tabular, headlines) = TabularEvaluation.Run(run, envs, steps, seed, sweeps, deviceName);
            return tabular.Select(r => new EvalRow(r.Policy, r.Result.Label, r.Result.Metrics, headlines)).ToList();
        }
        var config = run.ReadConfig<TrainConfig>();
        using var device = ComputeDevice.Create(DeviceKindNames.TryParse(deviceName, out var k) ? k : DeviceKind.Auto);
        using var env = TrainSession.CreateEnv(config, device, envs, sweeps);
        var scenario = ScenarioRegistry.Get(config.Scenario);
        using var trainer = new PpoTrainer(env, config.Algo with { RolloutSteps = 1 }, seed);
        string path = checkpoint == "best" ? run.BestCheckpointPath : run.LatestCheckpointPath;
        var info = Checkpoint.Load(path, trainer.NamedModules, trainer.NamedOptimizers, config.Hash());
        TrainSession.RestoreValueNorms(trainer, info.Extra);

        var policies = new List<IVecPolicy> { new TrainedPolicy(trainer, deterministic: true, name: $"trained ({config.Preset})") };
        policies.AddRange(scenario.Policies.Select(p => scenario.CreatePolicy(p.Name, env, seed)));
        var rows = new List<EvalRow>();
        var headline = env.Spec.Counters.Metrics.Where(m => m.Headline).Select(m => m.Name).ToList();
        try
        {
            foreach (var policy in policies)
                rows.AddRange(PolicyRunner.Run(env, policy, steps, seed).Select(r => new EvalRow(policy.Name, r.Label, r.Metrics, headline)));
        }
        finally
        {
            foreach (var p in policies) (p as IDisposable)?.Dispose();
        }
        return rows;
    }

    /// <summary>The metric the plot shows: the first headline metric that is not a reward (e.g. dt-sync's energy).</summary>
    public static string PlotMetric(IReadOnlyList<EvalRow> rows) =>
        rows[0].Headline.FirstOrDefault(m => !m.StartsWith("reward", StringComparison.Ordinal)) ?? rows[0].Headline.FirstOrDefault() ?? rows[0].Metrics.Keys.First();

    /// <summary>Bars per policy at one cell, or one line per policy over the swept values.</summary>
    public static void Plot(string path, IReadOnlyList<EvalRow> rows, string metric, string title)
    {
        var byPolicy = rows.GroupBy(r => r.Policy).ToList();
        var cells = rows.Select(r => r.Cell).Distinct().ToList();
        if (cells.Count == 1)
            BarPlot.SavePng(path, title, metric, byPolicy.Select(g => (g.Key, g.First().Metrics[metric])).ToList());
        else
            LinePlot.SavePng(path, title, "sweep cell", metric,
                byPolicy.Select(g => new Series(g.Key, g.Select((_, i) => (double)i).ToList(), g.Select(r => r.Metrics[metric]).ToList())).ToList());
    }
}
