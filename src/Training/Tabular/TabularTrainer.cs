using GpuTwin.Kernels.Memory;
using System.Diagnostics;
using GpuTwin.VecEnv.Metrics;
using GpuTwin.VecEnv.Scenarios.IotMigration;
using ILGPU;
using ILGPU.Runtime;

namespace GpuTwin.Training.Tabular;

/// <summary>One finished training episode: every env played it; values are over all envs' tasks.</summary>
public sealed record EpisodeReport(int Episode, int Episodes, long EnvSteps, IReadOnlyDictionary<string, double> Values);

/// <summary>
/// Tabular Q-learning of paper 001 (Algorithm 1; spec §10), batched: E envs, each an independent run with its own
/// table. Reads top to bottom: per episode k, per slot t, the agents act in the slot's decision order (JAL: one
/// thread per env walking the order; IL: in parallel), the env resolves the slot and advances (auto-reset at
/// t = H − 1), then each env applies the slot's transitions in decision order. ε follows the schedule of
/// <see cref="TabularOptions"/>; every hyperparameter is in that record.
/// </summary>
public static class TabularTrainer
{
    /// <summary>Env metrics logged per episode (the env's counter names) and the names they get in metrics.csv.</summary>
    public static readonly (string Env, string Column)[] EnvColumns =
    [
        ("mean_reward", "reward"), ("mean_latency_s", "latency_s"), ("deadline_violation_ratio", "violation_ratio"),
        ("offload_ratio", "offload_ratio"), ("migration_ratio", "migration_ratio"),
    ];

    public static readonly string[] LearnerColumns = ["epsilon", "td_error", "q_visited", "context_entropy_bits"];
    public static readonly string[] Columns = ["env_steps", .. EnvColumns.Select(c => c.Column), .. LearnerColumns, "sps", "seconds"];

    /// <param name="onEpisode">Called after every episode (metrics, checkpoints, progress).</param>
    public static void Train(IotMigrationBinding binding, TabularLearner learner, ulong seed, Action<EpisodeReport>? onEpisode, CancellationToken cancel)
    {
        var env = binding.Env;
        var o = learner.Options;
        int h = env.EpisodeSlots;
        long envSteps = 0;
        env.Reset(seed);
        var clock = Stopwatch.StartNew();
        for (int k = 0; k < o.Episodes && !cancel.IsCancellationRequested; k++)
        {
            double t0 = clock.Elapsed.TotalSeconds;
            env.ClearTotals();
            learner.ClearLogs();
            for (int t = 0; t < h; t++)
            {
                var view = binding.View();
                learner.Act(view, explore: true, learn: true); // ε-greedy; keeps (order, s, c, a) of the slot
                env.Step();                                    // S3–S12: r_i, then s' (FinalObs* where truncated)
                learner.Update(view);                          // Q-learning in decision order, per env
            }
            envSteps += (long)h * env.NumEnvs;

            var log = learner.ReadLogs();
            double seconds = clock.Elapsed.TotalSeconds - t0;
            var values = new Dictionary<string, double>
            {
                ["env_steps"] = envSteps,
                ["epsilon"] = o.Epsilon(k),
                ["td_error"] = log.MeanAbsTdError,
                ["q_visited"] = log.VisitedFraction,
                ["context_entropy_bits"] = log.ContextEntropyBits,
                ["sps"] = (double)h * env.NumEnvs / seconds,
                ["seconds"] = seconds,
            };
            var metrics = OverAllEnvs(env);
            foreach (var (name, column) in EnvColumns)
                if (metrics.TryGetValue(name, out double v)) values[column] = v;
            onEpisode?.Invoke(new EpisodeReport(k + 1, o.Episodes, envSteps, values));
        }
        env.Device.Synchronize();
    }

    /// <summary>The env's metrics over every env of the batch since the last ClearTotals (sums, or max per counter).</summary>
    public static IReadOnlyDictionary<string, double> OverAllEnvs(IotMigrationEnv env)
    {
        var counters = env.Spec.Counters;
        int c = counters.Count;
        env.Device.Synchronize();
        double[] totals = ((ArrayView<double>)env.CounterTotals.View).GetAsArray();
        var sum = new double[c];
        for (int e = 0; e < env.NumEnvs; e++)
            for (int j = 0; j < c; j++)
            {
                double v = totals[e * c + j];
                sum[j] = counters.Counters[j].Mode == Accumulate.Max ? Math.Max(sum[j], v) : sum[j] + v;
            }
        return counters.Evaluate(sum);
    }
}
