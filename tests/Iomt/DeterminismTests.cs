using GpuTwin.Kernels.Runtime;
using GpuTwin.Tests.Common;
using GpuTwin.VecEnv.Scenarios.IomtMultiTask;

namespace GpuTwin.Tests.Iomt;

public sealed class DeterminismTests() : DeterminismSuite<IomtEnv>(IomtTestBed.Scenario, (device, grid) => new IomtEnv(device, grid))
{
    protected override float[] Snapshot(IomtEnv env, int e)
    {
        var s = env.State;
        int ut = env.UMax * env.JMax, u = env.UMax;
        return new EnvSnapshot(e)
            .Rows(ut, s.DataBits, s.Cycles, s.PrioWeight, s.CpuHz, s.BwHz, s.RateBps, s.DelayS, s.EnergyJ, s.TaskReward)
            .Rows(ut, s.Priority, s.Target)
            .Rows(u, s.EnergyLeftJ, s.UserPosX, s.UserPosY, s.TxPowerW, s.RewardAgent)
            .Rows(u * env.KMax, s.MeanGainOverN0)
            .Rows(env.Spec.Counters.Count, env.CounterTotals)
            .Rows(1, s.RewardSystem)
            .Rows(1, s.EpisodeIndex)
            .ToArray();
    }

    protected override SeedRuns Seeds => new(4, 30, [], "random", "greedy-priority");

    protected override IEnumerable<BatchCase> Batches =>
        new[] { 0, 1 }.Select(key => new BatchCase($"layout_key={key}", "random", 20, 256, [(1, 0), (8, 5), (200, 199)], ("layout_key", key)));

    protected override SweepCase SweepCell => new("greedy-priority", 20, 2, [], "servers=2,6", 4, [("servers", 6)], [(2, 2), (3, 3)], FirstCellDiffers: false);

    protected override IEnumerable<BackendCase> Backends =>
        new[] { ("random", 0), ("greedy-priority", 1) }.Select(c => new BackendCase($"{c.Item1}, fading={c.Item2}", c.Item1, 15,
            ("users", 3), ("tasks", 4), ("servers", 2), ("episode_steps", 6), ("fading", c.Item2), ("cap_j", 0.01)));

    protected override IEnumerable<float[]> Outputs(IomtEnv env) =>
    [
        Read(env.Observation(0)), Read(env.CorrectedObservation), Read(env.GlobalState), Read(env.FinalGlobalState),
        Read(env.FinalObservation),
    ];

    [Fact]
    public void RunLayout_IsSharedByAllEnvs_EnvLayoutIsNot()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        float[] Positions(int key, int e)
        {
            using var env = Env(device, 3, ("layout_key", key));
            env.Reset(9);
            device.Synchronize();
            return Row(Read(env.State.UserPosX), e, 8);
        }
        Assert.Equal(Positions(0, 0), Positions(0, 2));
        Assert.NotEqual(Positions(1, 0), Positions(1, 2));
    }
}
