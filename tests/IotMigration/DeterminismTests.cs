using GpuTwin.Tests.Common;
using GpuTwin.VecEnv.Scenarios.IotMigration;

namespace GpuTwin.Tests.IotMigration;

public sealed class DeterminismTests()
    : DeterminismSuite<IotMigrationEnv>(IotMigrationTestBed.Scenario, (device, grid) => new IotMigrationEnv(device, grid, new FixedVerdictAuthority()))
{
    /// <summary>Every per-user field of env <paramref name="e"/>, its per-server fields and counter totals as one vector.</summary>
    protected override float[] Snapshot(IotMigrationEnv env, int e)
    {
        var s = env.State;
        int u = env.UMax, n = env.NumServers;
        // The audit count is a run-level sample over the batch's envs (spec §6.A.5), the one counter that depends on E.
        var totals = Row(Read(env.CounterTotals), e, env.Spec.Counters.Count);
        totals[IotMigrationCounters.Audits] = 0;
        return new EnvSnapshot(e)
            .Rows(u, s.PosX, s.PosY, s.Heading, s.TaskBits, s.Lambda, s.Sinr, s.RateBps, s.HandshakeS, s.TProc, s.UserReward, s.DistRatio)
            .Rows(u, s.Requested, s.Action, s.ActionEff, s.Context, s.Refused, s.AuthOk, s.ObsIl, s.FinalObsIl)
            .Rows(u, s.Serving, s.Target, s.Order, s.ObsJal, s.FinalObsJal, s.CredIndex)
            .Rows(u, s.SessionMask)
            .Rows(n, s.ReqServing)
            .Rows(n, s.Load)
            .Add(totals)
            .Rows(1, s.RewardEnv)
            .Rows(1, s.NReq)
            .Rows(1, s.Episode)
            .ToArray();
    }

    protected override SeedRuns Seeds => new(2, 25, [("users_per_server", 5), ("episode_slots", 10)], "random", "greedy");

    protected override IEnumerable<BatchCase> Batches =>
        [new("greedy", "greedy", 20, 64, [(1, 0), (8, 5)], ("users_per_server", 2), ("episode_slots", 8), ("lambda_max", 1))];

    protected override SweepCase SweepCell => new("random", 10, 2, [("episode_slots", 6)], "users_per_server=2,4",
        4, [("users_per_server", 4), ("episode_slots", 6)], [(2, 2), (3, 3)], FirstCellDiffers: false);

    protected override IEnumerable<BackendCase> Backends => new[] { "random", "greedy" }.Select(p => new BackendCase(p, p, 12,
        ("users_per_server", 1), ("servers", 6), ("episode_slots", 5), ("lambda_max", 2), ("bad_fraction", 0.3)));

    protected override IEnumerable<float[]> Outputs(IotMigrationEnv env) =>
        [Read(env.Observation(0)), Read(env.GlobalState), Read(env.FinalGlobalState)];
}
