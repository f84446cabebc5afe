using GpuTwin.Tests.Common;
using GpuTwin.VecEnv.Scenarios.DtSyncMigration;

namespace GpuTwin.Tests.DtSync;

public sealed class DeterminismTests() : DeterminismSuite<DtSyncEnv>(DtSyncTestBed.Scenario, (device, grid) => new DtSyncEnv(device, grid))
{
    private static readonly (string, double)[] Small = [("T", 10), ("Q", 3), ("mig_slots", 3)];

    protected override float[] Snapshot(DtSyncEnv env, int e)
    {
        var s = env.State;
        int k = env.KMax;
        return new EnvSnapshot(e)
            .Rows(k, s.PosX, s.PosY, s.Speed, s.Heading, s.VQueue, s.EnergyJ, s.Sinr, s.DelayS, s.DataBits)
            .Rows(k, s.DtHost, s.MigCountdown, s.Assoc)
            .Rows(k * env.MMax, s.Gain)
            .Rows(env.Spec.Counters.Count, env.CounterTotals)
            .Rows(1, s.RewardGlobal, s.RewardCenter)
            .ToArray();
    }

    protected override SeedRuns Seeds => new(8, 70, Small, "random", "deadline");

    protected override IEnumerable<BatchCase> Batches => [new("random", "random", 40, 1024, [(1, 0), (8, 5), (1000, 999)], Small)];

    protected override SweepCase SweepCell => new("follow", 50, 4, Small, "lambda=0.3,0.7", 8, [.. Small, ("lambda", 0.7)],
        [(4, 4), (5, 5), (6, 6), (7, 7)], FirstCellDiffers: true);

    protected override IEnumerable<BackendCase> Backends =>
        new[] { "random", "deadline" }.Select(p => new BackendCase(p, p, 25, ("K", 6), ("M", 3), ("T", 10), ("Q", 2), ("mig_slots", 3)));

    protected override IEnumerable<float[]> Outputs(DtSyncEnv env) =>
        [Read(env.Observation(DtSyncEnv.BsGroup)), Read(env.GlobalState), Read(env.FinalGlobalState)];
}
