using GpuTwin.Kernels.Runtime;
using GpuTwin.Training.Tabular;
using ILGPU;
using ILGPU.Runtime;

namespace GpuTwin.Tests.IotMigration.Learning;

/// <summary>
/// The JAL walk (spec §10.3 Act, §10.4 test) on a hand-laid toy: 4 users, 3 servers, ε = 0 and a hand-set Q^J.
/// Users in decision order 1, 3, 2, 0:
/// user 1 (j = 0, j' = 2) sees no commits, c = 0, and Q favours a = 5 (MIGRATE θ = 0): loads servers 0 and 2;
/// user 3 is refused: LOCAL, no decision, no commit;
/// user 2 (j = 1, j' = 0) sees k1 = 0 on server 1 and k2 = 1 on server 0: c = 4·0 + 1 = 1; Q[s2, 1] favours a = 1
/// (STAY θ = 0) although Q[s2, 0] favours a = 3: loads server 1;
/// user 0 (j = 0, j' = 1) sees k1 = 1, k2 = 1: c = 5; Q[s0, 5] ties a = 2 and a = 6 at 2.0: the lower a = 2 wins.
/// </summary>
public class JalWalkTests
{
    private const int S0 = 7, S1 = 100, S2 = 200, S3 = 50;

    private static (ToyBed Bed, TabularLearner Learner) Toy(DeviceKind kind)
    {
        var bed = new ToyBed(kind, envs: 1, users: 4, servers: 3);
        bed.Serving = [0, 0, 1, 2];
        bed.Target = [1, 2, 0, 1];
        bed.ObsJal = [S0, S1, S2, S3];
        bed.Refused[3] = 1;
        bed.Order = [1, 3, 2, 0];
        bed.NReq[0] = 4;
        bed.Push();
        var learner = bed.Learner(new TabularOptions { Algorithm = TabularAlgo.Jal });
        var t = learner.Tables;
        var q = new float[t.TableSize];
        q[t.QIndex(0, S1, 0, 5)] = 3f;
        q[t.QIndex(0, S1, 0, 1)] = 2.5f;
        q[t.QIndex(0, S2, 0, 3)] = 9f;
        q[t.QIndex(0, S2, 1, 1)] = 4f;
        q[t.QIndex(0, S2, 1, 7)] = 3.9f;
        q[t.QIndex(0, S0, 5, 2)] = 2f;
        q[t.QIndex(0, S0, 5, 6)] = 2f;
        q[t.QIndex(0, S0, 0, 8)] = 50f; // would win without the context
        q[t.QIndex(0, S3, 0, 4)] = 10f; // the refused user must not use it
        learner.Upload(q, new int[t.States * t.Contexts], new byte[t.TableSize]);
        return (bed, learner);
    }

    [Theory]
    [InlineData(DeviceKind.Cpu)]
    [InlineData(DeviceKind.IlgpuCpu)]
    public void GreedyWalk_ReproducesTheHandComputedJointAction(DeviceKind kind)
    {
        var (bed, learner) = Toy(kind);
        using (bed)
        using (learner)
        {
            learner.Act(bed.View, explore: false, learn: true);
            Assert.Equal([2, 5, 1, 0], bed.ReadActions());

            var t = learner.Tables;
            var counts = learner.DownloadCounts();
            Assert.Equal(1, counts[t.CountIndex(0, S1, 0)]);
            Assert.Equal(1, counts[t.CountIndex(0, S2, 1)]);
            Assert.Equal(1, counts[t.CountIndex(0, S0, 5)]);
            Assert.Equal(3, counts.Sum());
            Assert.Equal([1, 1, 1, 0], t.TrActive.GetAsArray());
            Assert.Equal([5, 0, 1, 0], t.TrContext.GetAsArray().Select(x => (int)x));
            Assert.Equal([1, 3, 2, 0], t.TrOrder.GetAsArray());
        }
    }

    [Fact]
    public void Evaluation_DoesNotCountContexts()
    {
        var (bed, learner) = Toy(DeviceKind.Cpu);
        using (bed)
        using (learner)
        {
            learner.Act(bed.View, explore: false, learn: false);
            Assert.Equal([2, 5, 1, 0], bed.ReadActions());
            Assert.Equal(0, learner.DownloadCounts().Sum());
        }
    }

    [Fact]
    public void ContextNone_IgnoresTheCommits()
    {
        using var bed = new ToyBed(DeviceKind.Cpu, envs: 1, users: 2, servers: 2);
        bed.Serving = [0, 0];
        bed.Target = [1, 1];
        bed.ObsJal = [S0, S0];
        bed.Push();
        using var learner = bed.Learner(new TabularOptions { Algorithm = TabularAlgo.Jal, JalContext = JalContextMode.None });
        var t = learner.Tables;
        Assert.Equal(1, t.Contexts);
        var q = new float[t.TableSize];
        q[t.QIndex(0, S0, 0, 4)] = 1f;
        learner.Upload(q, new int[t.States], new byte[t.TableSize]);
        learner.Act(bed.View, explore: false, learn: true);
        Assert.Equal([4, 4], bed.ReadActions());
        Assert.Equal(2, learner.DownloadCounts()[t.CountIndex(0, S0, 0)]);
    }

    [Fact]
    public void CellEdgeOnly_MasksMigrationOffTheEdge()
    {
        using var bed = new ToyBed(DeviceKind.Cpu, envs: 1, users: 2, servers: 2);
        bed.Serving = [0, 0];
        bed.Target = [1, 1];
        const int centre = 3 * 25, edge = (3 * 2 + 1) * 25; // ring 1 (s^IL = 3) and ring 2, the edge (s^IL = 7)
        bed.ObsJal = [centre, edge];
        bed.EdgeOnly[0] = 1;
        bed.Order = [0, 1];
        bed.Push();
        using var learner = bed.Learner(new TabularOptions { Algorithm = TabularAlgo.Jal, JalContext = JalContextMode.None });
        var t = learner.Tables;
        var q = new float[t.TableSize];
        q[t.QIndex(0, centre, 0, 6)] = 5f;
        q[t.QIndex(0, centre, 0, 2)] = 1f;
        q[t.QIndex(0, edge, 0, 6)] = 5f;
        learner.Upload(q, new int[t.States], new byte[t.TableSize]);
        learner.Act(bed.View, explore: false, learn: false);
        Assert.Equal([2, 6], bed.ReadActions());
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(1, 0, 4)]
    [InlineData(2, 3, 10)]
    [InlineData(4, 1, 13)]
    [InlineData(9, 7, 15)]
    public void Context_BinsTheCommittedLoads(int k1, int k2, int expected) => Assert.Equal(expected, TabularRules.Context(k1, k2));
}
