using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Scenarios.IotMigration;
using static GpuTwin.Tests.IotMigration.IotMigrationTestBed;

namespace GpuTwin.Tests.IotMigration;

/// <summary>GreedySequential (spec §9) checked by hand on the first decider of each slot, whose committed loads are all zero.</summary>
public class GreedyTests
{
    [Fact]
    public void FirstDecider_PicksTheArgminOfTheEstimatedLatency()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 3, ("users_per_server", 20));
        var s = env.State;
        int u = env.UMax, users = 300, checkedCount = 0;
        var offloadChoices = new HashSet<int>();
        int[] order = [], nReq = [], serving = [], target = [];
        byte[] requested = [], refused = [];
        uint[] mask = [];
        float[] gain = [], bits = [];
        Run(env, Policy(env, "greedy", 1), 10, 8, beforeResolve: _ =>
        {
            order = Read(s.Order); nReq = Read(s.NReq); serving = Read(s.Serving); target = Read(s.Target);
            requested = Read(s.Requested); refused = Read(s.Refused); mask = Read(s.SessionMask); gain = Read(s.Gain); bits = Read(s.TaskBits);
        }, afterResolve: _ =>
        {
            var action = Read(s.Action);
            for (int e = 0; e < 3; e++)
            {
                int first = Enumerable.Range(0, nReq[e]).Select(q => order[e * u + q]).FirstOrDefault(i => refused[e * u + i] == 0, -1);
                if (first < 0) continue;
                int q0 = e * u + first, j = serving[q0], jt = target[q0];
                double pj = 0;
                for (int k = 0; k < users; k++)
                    if (requested[e * u + k] != 0 && refused[e * u + k] == 0) pj += 0.1 * gain[(e * u + k) * 15 + j];
                double own = 0.1 * gain[q0 * 15 + j];
                double rate = 1e7 * Math.Log2(1 + own / (1e-14 + pj - own));
                double b = bits[q0];
                var t = new double[9];
                t[0] = 1000 * b / 5e8;
                double hs = (mask[q0] & (1u << j)) == 0 ? SlotPhysicsTests.AuthSuccess(rate) : 0;
                for (int a = 1; a < 9; a++)
                {
                    bool mig = a >= 5;
                    double theta = (mig ? a - 5 : a - 1) / 4.0, off = 1 - theta, f = 1e10; // alone: n̂ + 1 = 1 at j and j'
                    double edge = mig
                        ? hs + b * off / rate + 1000 * b * 0.5 * off / f + b * 0.5 * off / rate + 1000 * b * 0.5 * off / f
                        : hs + b * off / rate + 1000 * b * off / f;
                    t[a] = Math.Max(1000 * b * theta / 5e8, edge);
                }
                int best = rate < 1e5 ? 0 : Array.IndexOf(t, t.Min());
                var sorted = t.OrderBy(x => x).ToArray();
                if (rate >= 1e5 && sorted[1] - sorted[0] < 1e-4 * sorted[0]) continue; // a float near-tie may go either way
                Assert.Equal(best, action[q0]);
                offloadChoices.Add(best);
                checkedCount++;
            }
        });
        Assert.True(checkedCount >= 20, $"only {checkedCount} first deciders checked");
        Assert.True(offloadChoices.Count >= 2, "the first decider should not always pick the same action");
    }
}
