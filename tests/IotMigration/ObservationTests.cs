using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Running;
using GpuTwin.VecEnv.Scenarios.IotMigration;
using R = GpuTwin.VecEnv.Scenarios.IotMigration.IotMigrationRules;
using static GpuTwin.Tests.IotMigration.IotMigrationTestBed;

namespace GpuTwin.Tests.IotMigration;

/// <summary>The DT's views (spec §5.3), the decision order (§3) and the contexts of the walk (§6 S3).</summary>
public class ObservationTests
{
    [Fact]
    public void DecisionOrder_IsCyclicFromTheOffset_AndContextsCountEarlierCommits()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 2, ("users_per_server", 10));
        var s = env.State;
        int u = env.UMax, n = 15, seenNonZero = 0;
        int[] order = [], nReq = [], offset = [];
        byte[] requested = [];
        Run(env, Policy(env, "random", 4), 10, 14, beforeResolve: _ =>
        {
            order = Read(s.Order); nReq = Read(s.NReq); offset = Read(s.OrderOffset); requested = Read(s.Requested);
        }, afterResolve: _ =>
        {
            var action = Read(s.Action); var ctx = Read(s.Context); var serving = Read(s.Serving); var target = Read(s.Target);
            for (int e = 0; e < 2; e++)
            {
                var expected = Enumerable.Range(0, 150).Select(q => (offset[e] + q) % 150).Where(i => requested[e * u + i] != 0).ToArray();
                Assert.Equal(expected, Row(order, e, u).Take(nReq[e]).ToArray());
                Assert.InRange(offset[e], 0, 149);
                var committed = new int[n];
                foreach (int i in expected)
                {
                    int q = e * u + i, j = serving[q], jt = target[q];
                    Assert.Equal(4 * R.ContextBin(committed[j]) + R.ContextBin(committed[jt]), ctx[q]);
                    if (ctx[q] != 0) seenNonZero++;
                    for (int m = 0; m < n; m++) if (R.LoadsServer(action[q], m, j, jt, 5)) committed[m]++;
                }
            }
        });
        Assert.True(seenNonZero > 0);
    }

    [Fact]
    public void TabularStates_AreTheBinsOfTheNextSlot()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 2, ("users_per_server", 20));
        var s = env.State;
        var policy = Policy(env, "edge-all");
        env.Reset(3);
        int u = env.UMax;
        for (int t = 0; t < 3; t++)
        {
            PolicyRunner.StepOnce(env, policy, t);
            device.Synchronize();
            var ratio = Read(s.DistRatio); var bits = Read(s.TaskBits); var req = Read(s.Requested); var rs = Read(s.ReqServing);
            var serving = Read(s.Serving); var target = Read(s.Target); var il = Read(s.ObsIl); var jal = Read(s.ObsJal);
            for (int e = 0; e < 2; e++)
            {
                for (int m = 0; m < 15; m++)
                    Assert.Equal(Enumerable.Range(0, 300).Count(i => req[e * u + i] != 0 && serving[e * u + i] == m), rs[e * 15 + m]);
                for (int i = 0; i < 300; i++)
                {
                    int q = e * u + i;
                    int x = R.ObsIl(R.RingBin(ratio[q]), R.SizeBin(bits[q], 4e5f, 0.5f));
                    Assert.Equal(x, il[q]);
                    int own = rs[e * 15 + serving[q]] - req[q] + 1, tgt = rs[e * 15 + target[q]];
                    Assert.Equal(R.ObsJal(x, R.OwnLoadBin(own), R.TargetLoadBin(tgt)), jal[q]);
                }
            }
        }
    }

    [Fact]
    public void FinalObservation_OfATruncatedEnv_IsTheStateItWouldHaveContinuedFrom()
    {
        // Episode 0 of an env with H = 1 and one with H = 2 share every key up to the advance into slot 1, so the
        // H = 1 env's final tabular state must equal the H = 2 env's state of slot 1.
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var shortEnv = Env(device, 2, ("users_per_server", 10), ("episode_slots", 1));
        using var longEnv = Env(device, 2, ("users_per_server", 10), ("episode_slots", 2));
        foreach (var env in new[] { shortEnv, longEnv })
        {
            env.Reset(5);
            PolicyRunner.StepOnce(env, Policy(env, "random", 5), 0);
        }
        device.Synchronize();
        Assert.Equal(Read(longEnv.State.ObsIl), Read(shortEnv.State.FinalObsIl));
        Assert.Equal(Read(longEnv.State.ObsJal), Read(shortEnv.State.FinalObsJal));
        Assert.NotEqual(Read(longEnv.State.ObsJal), Read(shortEnv.State.ObsJal)); // the short one was reset
        Assert.All(Read(shortEnv.Truncated), x => Assert.Equal(1, x));
    }

    [Fact]
    public void ContinuousObservation_AndGlobalState_HaveTheSpecShapes()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 2, ("users_per_server", 10));
        Assert.Equal(12, env.Spec.Groups[0].ObservationSize);
        Assert.Equal(31, env.Spec.GlobalStateSize);
        Assert.Equal(9, env.NumActions);
        env.Reset(1);
        env.Observe(0);
        env.ObserveGlobal();
        device.Synchronize();
        var obs = Read(env.Observation(0));
        var g = Read(env.GlobalState);
        var req = Read(env.State.Requested);
        for (int e = 0; e < 2; e++)
        {
            Assert.Equal(150, g.Skip(e * 31 + 15).Take(15).Sum() * 10, 3); // connected users / ρ sums to N
            Assert.Equal(Row(req, e, env.UMax).Sum(x => x) / 10f, g.Skip(e * 31).Take(15).Sum(), 4);
            Assert.Equal(0f, g[e * 31 + 30]);
        }
        Assert.All(obs, x => Assert.InRange(x, 0f, 10f));
        for (int q = 0; q < 300; q++) Assert.Equal(req[q], obs[q * 12 + 10]);
    }
}
