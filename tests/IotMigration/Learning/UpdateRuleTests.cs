using GpuTwin.Kernels.Runtime;
using GpuTwin.Training.Tabular;
using ILGPU;
using ILGPU.Runtime;

namespace GpuTwin.Tests.IotMigration.Learning;

/// <summary>V(s) and both update rules (spec §10.2, §10.3) against values computed by hand, α = 0.1, γ = 0.9.</summary>
public class UpdateRuleTests
{
    private const float Alpha = 0.1f, Gamma = 0.9f, Tol = 1e-5f;

    private static void SetTransitions(TabularLearner learner, int[] order, int[] state, int[] context, int[] action)
    {
        var t = learner.Tables;
        t.TrOrder.CopyFromCPU(order);
        t.TrCount.CopyFromCPU([order.Length]);
        t.TrActive.CopyFromCPU(Enumerable.Repeat((byte)1, state.Length).ToArray());
        t.TrState.CopyFromCPU(state);
        t.TrContext.CopyFromCPU(context.Select(c => (byte)c).ToArray());
        t.TrAction.CopyFromCPU(action.Select(a => (byte)a).ToArray());
    }

    [Fact]
    public void BeliefValue_WeighsContextsByTheirCounts_AndIsUniformWithoutCounts()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        const int c = 16, a = 9;
        var q = new float[c * a];
        q[0 * a + 1] = 4f;  // Q[s, 0, 1]
        q[3 * a + 2] = 2f;  // Q[s, 3, 2]
        q[5 * a + 8] = 3f;  // Q[s, 5, 8]: context 5 never seen
        var counts = new int[c];
        counts[0] = 1;
        counts[3] = 3;
        using var qb = device.Upload(q);
        using var nb = device.Upload(counts);
        using var empty = device.Upload(new int[c]);
        // P̂ = (1/4, 3/4) on contexts 0 and 3: a = 1 → 1.0, a = 2 → 1.5, a = 8 → 0: V = 1.5.
        Assert.Equal(1.5f, TabularRules.BeliefValue(qb.View, nb.View, 0, 0, c, a, 2, 5, 0), Tol);
        // Uniform 1/16: a = 1 → 0.25, a = 8 → 0.1875, a = 2 → 0.125: V = 0.25.
        Assert.Equal(0.25f, TabularRules.BeliefValue(qb.View, empty.View, 0, 0, c, a, 2, 5, 0), Tol);
        // All Q negative: V is the best allowed action's value, not 0.
        using var neg = device.Upload(Enumerable.Repeat(-2f, c * a).ToArray());
        Assert.Equal(-2f, TabularRules.BeliefValue(neg.View, nb.View, 0, 0, c, a, 2, 5, 0), Tol);
    }

    [Fact]
    public void JalUpdate_AppliesTheSlotsTransitionsInDecisionOrder()
    {
        const int s1 = 30, s2 = 60;
        using var bed = new ToyBed(DeviceKind.Cpu, envs: 1, users: 2, servers: 2);
        bed.ObsJal = [s1, s2];     // s' of user 0 is its own state s1, of user 1 it is s2
        bed.UserReward = [4f, 2f];
        bed.Push();
        using var learner = bed.Learner(new TabularOptions { Algorithm = TabularAlgo.Jal, Alpha = Alpha, Gamma = Gamma });
        var t = learner.Tables;
        var q = new float[t.TableSize];
        var n = new int[t.States * t.Contexts];
        q[t.QIndex(0, s1, 2, 3)] = 1f;
        q[t.QIndex(0, s2, 0, 1)] = 4f;
        q[t.QIndex(0, s2, 3, 2)] = 2f;
        n[t.CountIndex(0, s2, 0)] = 1;
        n[t.CountIndex(0, s2, 3)] = 3;   // V(s2) = 1.5 (see above)
        n[t.CountIndex(0, s1, 2)] = 2;   // P̂(2 | s1) = 1: V(s1) = max_a Q[s1, 2, a]
        learner.Upload(q, n, new byte[t.TableSize]);
        // Both users update the same entry Q[s1, 2, 3]; user 1 decided first.
        SetTransitions(learner, order: [1, 0], state: [s1, s1], context: [2, 2], action: [3, 3]);
        learner.ClearLogs();
        learner.Update(bed.View);

        float d1 = 2f + Gamma * 1.5f - 1f;          // 2.35
        float q1 = 1f + Alpha * d1;                  // 1.235
        float d2 = 4f + Gamma * q1 - q1;             // V(s1) now reads the updated entry
        float q2 = q1 + Alpha * d2;
        Assert.Equal(q2, learner.DownloadQ()[t.QIndex(0, s1, 2, 3)], Tol);
        var log = learner.ReadLogs();
        Assert.Equal(2, log.Updates);
        Assert.Equal((d1 + d2) / 2, log.MeanAbsTdError, 1e-5);
        Assert.Equal(1.0 / t.TableSize, log.VisitedFraction, 12);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void IlUpdate_BootstrapsFromTheNextObservation_OrTheFinalOneAtTruncation(bool truncated)
    {
        using var bed = new ToyBed(DeviceKind.Cpu, envs: 1, users: 2, servers: 2);
        if (truncated)
        {
            bed.Truncated[0] = 1;
            bed.FinalObsIl = [2, 5];
            bed.ObsIl = [0, 0];     // the next episode's first states must not be used
        }
        else bed.ObsIl = [2, 5];
        bed.UserReward = [1f, 3f];
        bed.Push();
        using var learner = bed.Learner(new TabularOptions { Algorithm = TabularAlgo.Il, Alpha = Alpha, Gamma = Gamma });
        var t = learner.Tables;
        var q = new float[t.TableSize];
        q[t.QIndex(0, 2, 0, 1)] = 0.5f;
        q[t.QIndex(0, 2, 0, 4)] = 0.8f;
        q[t.QIndex(0, 5, 0, 7)] = 2f;
        learner.Upload(q, new int[t.States], new byte[t.TableSize]);
        SetTransitions(learner, order: [0, 1], state: [2, 2], context: [0, 0], action: [1, 1]);
        learner.Update(bed.View);

        float d1 = 1f + Gamma * 0.8f - 0.5f;          // user 0: s' = 2, max_a' Q[2, a'] = 0.8
        float q1 = 0.5f + Alpha * d1;                  // 0.622
        float d2 = 3f + Gamma * 2f - q1;               // user 1: s' = 5, max = 2
        Assert.Equal(q1 + Alpha * d2, learner.DownloadQ()[t.QIndex(0, 2, 0, 1)], Tol);
    }

    [Fact]
    public void Update_SkipsUsersThatMadeNoDecision()
    {
        using var bed = new ToyBed(DeviceKind.Cpu, envs: 1, users: 2, servers: 2);
        bed.UserReward = [5f, 5f];
        bed.Push();
        using var learner = bed.Learner(new TabularOptions { Algorithm = TabularAlgo.Il });
        SetTransitions(learner, order: [0, 1], state: [1, 1], context: [0, 0], action: [2, 2]);
        learner.Tables.TrActive.CopyFromCPU(new byte[] { 0, 0 });
        learner.Update(bed.View);
        Assert.All(learner.DownloadQ(), x => Assert.Equal(0f, x));
    }
}
