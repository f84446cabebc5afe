using GpuTwin.Kernels.Runtime;
using GpuTwin.Training.Tabular;

namespace GpuTwin.Tests.IotMigration.Learning;

/// <summary>
/// Training is a function of (seed, env index, options) only: the same seed gives the same tables bit for bit,
/// env i learns the same table in a batch of 1 or 3 (each env is an independent run), and the host path and
/// ILGPU's CPU accelerator agree bit for bit.
/// </summary>
public class DeterminismTests
{
    private static readonly (string, string)[] Tiny = [("users_per_server", "3"), ("servers", "4"), ("episode_slots", "10"), ("lambda_max", "0.5")];

    private static float[] Block(float[] q, int env, int envs) => q.AsSpan(env * (q.Length / envs), q.Length / envs).ToArray();

    [Theory]
    [InlineData(TabularAlgo.Jal)]
    [InlineData(TabularAlgo.Il)]
    public void SameSeed_SameTables_AndEnvZeroIsIndependentOfTheBatchSize(TabularAlgo algo)
    {
        var three = LearningBed.Config(algo, envs: 3, episodes: 3, seed: 11, Tiny);
        var a = LearningBed.Train(three);
        var b = LearningBed.Train(three);
        Assert.Equal(a.Q, b.Q);
        Assert.Equal(a.Counts, b.Counts);
        Assert.Contains(a.Q, x => x != 0f);

        var one = LearningBed.Train(three with { Envs = 1 });
        Assert.Equal(Block(a.Q, 0, 3), one.Q);
        // Different envs are different runs.
        Assert.NotEqual(Block(a.Q, 0, 3), Block(a.Q, 1, 3));

        var otherSeed = LearningBed.Train(three with { Seed = 12 });
        Assert.NotEqual(a.Q, otherSeed.Q);
    }

    [Theory]
    [InlineData(TabularAlgo.Jal)]
    [InlineData(TabularAlgo.Il)]
    public void HostPath_AndIlgpuCpu_AreBitIdentical(TabularAlgo algo)
    {
        var config = LearningBed.Config(algo, envs: 2, episodes: 2, seed: 5, Tiny);
        var host = LearningBed.Train(config, DeviceKind.Cpu);
        var ilgpu = LearningBed.Train(config, DeviceKind.IlgpuCpu);
        Assert.Equal(host.Q, ilgpu.Q);
        Assert.Equal(host.Counts, ilgpu.Counts);
        Assert.Equal(host.Visited, ilgpu.Visited);
    }

    [Fact]
    public void TrainingLogs_AreFinite_AndEpsilonFollowsTheSchedule()
    {
        var config = LearningBed.Config(TabularAlgo.Jal, envs: 2, episodes: 4, seed: 9, Tiny);
        var run = LearningBed.Train(config);
        Assert.Equal(4, run.Reports.Count);
        for (int k = 0; k < 4; k++)
        {
            var v = run.Reports[k].Values;
            Assert.Equal(config.Algo.Epsilon(k), v["epsilon"], 6);
            foreach (var c in new[] { "reward", "latency_s", "td_error", "q_visited", "context_entropy_bits" })
                Assert.True(double.IsFinite(v[c]) && v[c] >= 0, $"{c} = {v[c]} at episode {k}");
            Assert.InRange(v["context_entropy_bits"], 0, 4);
        }
        // Visited entries only grow.
        Assert.True(run.Reports[^1].Values["q_visited"] >= run.Reports[0].Values["q_visited"]);
        Assert.All(run.Q, x => Assert.True(float.IsFinite(x)));
    }
}
