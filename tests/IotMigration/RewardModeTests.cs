using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Scenarios.IotMigration;
using static GpuTwin.Tests.IotMigration.IotMigrationTestBed;

namespace GpuTwin.Tests.IotMigration;

/// <summary>The reward modes of spec §7, recomputed from each slot's T_proc and serving servers, and reward stream 0.</summary>
public class RewardModeTests
{
    private const double Rel = 1e-5; // float sums of ≤ 150 rewards

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Rewards_FollowTheMode(int mode)
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 2, ("users_per_server", 10), ("reward_mode", mode), ("deadline_penalty", mode == 0 ? 1 : 0));
        var s = env.State;
        int u = env.UMax;
        Run(env, Policy(env, "random", 2), 6, 4, afterResolve: _ =>
        {
            var tProc = Read(s.TProc); var act = Read(s.Action); var serving = Read(s.Serving); var r = Read(s.UserReward);
            var stream = Read(env.Reward(0));
            for (int e = 0; e < 2; e++)
            {
                var req = Enumerable.Range(0, 150).Where(i => act[e * u + i] != IotMigrationRules.NoTask).ToArray();
                double Base(int i)
                {
                    double t = tProc[e * u + i];
                    return mode == 3 ? -t : 1 / Math.Max(t, 1e-3) - (mode == 0 && t > 1 ? 1 : 0);
                }
                double total = 0;
                foreach (int i in req)
                {
                    double expected = mode switch
                    {
                        1 => req.Where(k => serving[e * u + k] == serving[e * u + i]).Average(Base),
                        2 => req.Average(Base),
                        _ => Base(i),
                    };
                    Assert.Equal(expected, r[e * u + i], Rel * Math.Max(1, Math.Abs(expected)));
                    total += r[e * u + i];
                }
                for (int i = 0; i < 150; i++) if (act[e * u + i] == IotMigrationRules.NoTask) Assert.Equal(0f, r[e * u + i]);
                Assert.Equal(req.Length > 0 ? total / req.Length : 0, stream[e], Rel * Math.Max(1, Math.Abs(total)));
            }
        });
    }
}
