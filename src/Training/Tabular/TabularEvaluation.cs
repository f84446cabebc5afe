using GpuTwin.Kernels.Runtime;
using GpuTwin.Training.Runs;
using GpuTwin.VecEnv.Policies;
using GpuTwin.VecEnv.Running;
using GpuTwin.VecEnv.Scenarios;

namespace GpuTwin.Training.Tabular;

/// <summary>One evaluated (policy, sweep cell) pair of a tabular run.</summary>
public sealed record TabularEvalRow(string Policy, CellResult Result);

/// <summary>
/// Evaluates a tabular run's tables greedily (ε = 0, no updates, spec §10.1) beside the scenario's baselines, all on
/// the same envs and seed. Evaluation env i plays with the table of training env i mod E_train.
/// </summary>
public static class TabularEvaluation
{
    public static (IReadOnlyList<TabularEvalRow> Rows, IReadOnlyList<string> Headline) Run(RunDirectory run, int envs, int steps, ulong seed,
        IReadOnlyList<string> sweeps, string deviceName, IScenario? scenario = null)
    {
        var config = run.ReadConfig<TabularTrainConfig>();
        var (header, q, counts, visited) = QTableFile.Load(run.LatestCheckpointPath, config.Hash());
        scenario ??= ScenarioRegistry.Get(config.Scenario);
        using var device = ComputeDevice.Create(DeviceKindNames.TryParse(deviceName, out var k) ? k : DeviceKind.Auto);
        using var env = TabularSession.CreateEnv(config, device, envs, sweeps, scenario);
        using var binding = new IotMigrationBinding(env);
        using var learner = binding.CreateLearner(config.Algo);
        var t = learner.Tables;
        if (t.States != header.States || t.Contexts != header.Contexts || t.Actions != header.Actions)
            throw new QTableFileException($"{run.LatestCheckpointPath}: tables of {header.States}x{header.Contexts}x{header.Actions} do not fit this evaluation batch ({t.States}x{t.Contexts}x{t.Actions}); sweep only parameters that keep the action count");
        learner.Upload(Tile(q, header.Envs, learner.NumEnvs), Tile(counts, header.Envs, learner.NumEnvs), Tile(visited, header.Envs, learner.NumEnvs));

        string name = $"{config.Algo.Algorithm.ToString().ToLowerInvariant()} (trained, {header.Episodes} episodes)";
        var policies = new List<IVecPolicy> { new TabularPolicy(binding, learner, name) };
        policies.AddRange(scenario.Policies.Select(p => scenario.CreatePolicy(p.Name, env, seed)));
        var headline = env.Spec.Counters.Metrics.Where(m => m.Headline).Select(m => m.Name).ToList();
        var rows = new List<TabularEvalRow>();
        try
        {
            foreach (var policy in policies)
                rows.AddRange(PolicyRunner.Run(env, policy, steps, seed).Select(r => new TabularEvalRow(policy.Name, r)));
        }
        finally
        {
            foreach (var p in policies) (p as IDisposable)?.Dispose();
        }
        return (rows, headline);
    }

    /// <summary>Repeats per-env blocks of <paramref name="from"/> envs cyclically over <paramref name="to"/> envs.</summary>
    public static T[] Tile<T>(T[] data, int from, int to)
    {
        int block = data.Length / from;
        var result = new T[(long)block * to];
        for (int e = 0; e < to; e++) Array.Copy(data, (long)(e % from) * block, result, (long)e * block, block);
        return result;
    }
}
