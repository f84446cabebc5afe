using GpuTwin.Kernels.Runtime;
using GpuTwin.Training.Tabular;
using St = GpuTwin.VecEnv.Scenarios.IotMigration.IotMigrationStreams;

namespace GpuTwin.Tests.IotMigration.Learning;

/// <summary>
/// ε-greedy draws (spec §3, §10.1): explore iff u(RANDPOL, sub 1) &lt; ε, then the ⌊n_allowed·u(RANDPOL, sub 2)⌋-th
/// allowed action, keyed by (seed, env, episode, slot, user); otherwise the greedy action.
/// </summary>
public class ExplorationDrawTests
{
    [Theory]
    [InlineData(TabularAlgo.Il)]
    [InlineData(TabularAlgo.Jal)]
    public void Actions_FollowTheRandpolDrawsOfEachUser(TabularAlgo algo)
    {
        const int users = 40, episode = 500, slot = 17;
        const ulong seed = 5;
        using var bed = new ToyBed(DeviceKind.Cpu, envs: 2, users: users, servers: 2, seed: seed);
        Array.Fill(bed.Episode, episode);
        Array.Fill(bed.Slot, slot);
        bed.Push();
        var options = new TabularOptions { Algorithm = algo, Episodes = 1000, JalContext = JalContextMode.None };
        float epsilon = options.Epsilon(episode); // 1 − 0.99·500/750 = 0.34
        using var learner = bed.Learner(options);
        var t = learner.Tables;
        var q = new float[2 * t.TableSize]; // TableSize is per env
        for (int e = 0; e < 2; e++) q[t.QIndex(e, 0, 0, 4)] = 1f; // greedy: a = 4 in state 0
        learner.Upload(q, new int[2 * t.States * t.Contexts], new byte[2 * t.TableSize]);
        learner.Act(bed.View, explore: true, learn: false);
        var actions = bed.ReadActions();

        int explored = 0;
        for (int e = 0; e < 2; e++)
        {
            var rng = St.DecisionRng(seed, e, episode, slot);
            for (int i = 0; i < users; i++)
            {
                bool explore = St.Draw(rng, St.RandPol, St.RandPolExplore, i) < epsilon;
                int expected = explore ? St.Index(St.Draw(rng, St.RandPol, St.RandPolExploreAction, i), 9) : 4;
                explored += explore ? 1 : 0;
                Assert.Equal(expected, actions[e * users + i]);
            }
        }
        Assert.InRange(explored, 10, 50); // ≈ 0.34 · 80

        learner.Act(bed.View, explore: false, learn: false);
        Assert.All(bed.ReadActions(), a => Assert.Equal(4, a));
    }
}
