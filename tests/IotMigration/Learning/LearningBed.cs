using GpuTwin.Kernels.Runtime;
using GpuTwin.Training.Tabular;
using GpuTwin.VecEnv.Running;
using GpuTwin.VecEnv.Scenarios;

namespace GpuTwin.Tests.IotMigration.Learning;

/// <summary>Trains tabular learners on small iot-migration batches (test-double authority) and evaluates them greedily.</summary>
internal static class LearningBed
{
    public static IScenario Scenario => IotMigrationTestBed.Scenario;

    public static TabularTrainConfig Config(TabularAlgo algo, int envs, int episodes, ulong seed, params (string Key, string Value)[] set) => new()
    {
        Scenario = "iot-migration",
        Env = set.ToDictionary(s => s.Key, s => s.Value),
        Algo = new TabularOptions { Algorithm = algo, Episodes = episodes },
        Preset = "quick",
        Envs = envs,
        Seed = seed,
        Device = "cpu",
    };

    /// <summary>Trains and returns the tables (Q, N, visited) of every env.</summary>
    public static (float[] Q, int[] Counts, byte[] Visited, List<EpisodeReport> Reports) Train(TabularTrainConfig config, DeviceKind kind = DeviceKind.Cpu)
    {
        using var device = ComputeDevice.Create(kind);
        using var env = TabularSession.CreateEnv(config, device, config.Envs, scenario: Scenario);
        using var binding = new IotMigrationBinding(env);
        using var learner = binding.CreateLearner(config.Algo);
        var reports = new List<EpisodeReport>();
        TabularTrainer.Train(binding, learner, config.Seed, reports.Add, CancellationToken.None);
        return (learner.DownloadQ(), learner.DownloadCounts(), learner.DownloadVisited(), reports);
    }

    /// <summary>Mean latency of the greedy tables and of each named baseline on the same evaluation envs and seed.</summary>
    public static Dictionary<string, double> Compare(TabularTrainConfig config, float[] q, int[] counts, byte[] visited, int episodes, ulong seed, params string[] baselines)
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = TabularSession.CreateEnv(config, device, config.Envs, scenario: Scenario);
        using var binding = new IotMigrationBinding(env);
        using var learner = binding.CreateLearner(config.Algo);
        learner.Upload(q, counts, visited);
        int steps = episodes * env.EpisodeSlots;
        var result = new Dictionary<string, double>
        {
            ["trained"] = PolicyRunner.Run(env, new TabularPolicy(binding, learner, "trained"), steps, seed).Single().Metrics["mean_latency_s"],
        };
        foreach (var b in baselines)
        {
            var policy = Scenario.CreatePolicy(b, env, seed);
            result[b] = PolicyRunner.Run(env, policy, steps, seed).Single().Metrics["mean_latency_s"];
            (policy as IDisposable)?.Dispose();
        }
        return result;
    }
}
