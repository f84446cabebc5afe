using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Policies;
using GpuTwin.VecEnv.Scenarios.DtSyncMigration.Baselines;

namespace GpuTwin.VecEnv.Scenarios.DtSyncMigration;

/// <summary>Registry entry of <c>dt-sync</c>.</summary>
public sealed class DtSyncScenario : IScenario
{
    public string Id => DtSyncEnv.Id;
    public string Title => "Two-timescale DT synchronisation and migration (Beta-HAPPO paper)";
    public string Source => "paper 003, spec dt_sync_migration.md";
    public ParameterTable Parameters => DtSyncParameters.Table;

    public IReadOnlyList<ScenarioProfile> Profiles { get; } =
    [
        new("default", "spec resolutions: kbit data, physical interference, w_E = 1/K, energy cap δt", new Dictionary<string, string>()),
        new("paper-literal", "the paper's equations as printed: eq. 7 interference, w_E = 1/(QKT), no energy cap",
            new Dictionary<string, string> { ["interference"] = "paper-literal", ["energy_weight"] = "paper-literal", ["energy_cap"] = "none" }),
        new("kilobytes", "data sizes read as kilobytes (120-200 kbit), spec §12.1", new Dictionary<string, string> { ["d_min_bits"] = "120000", ["d_max_bits"] = "200000" }),
    ];

    private static readonly HeuristicTable<DtSyncHeuristic> Heuristics = new(
    [
        ("random", DtSyncHeuristic.Random, "B0: uniform association, power, shares and DT proposals"),
        ("static", DtSyncHeuristic.Static, "B1: nearest BS, max power, equal shares, never migrate"),
        ("follow", DtSyncHeuristic.FollowUser, "B2: as static, the DT follows the serving BS each frame"),
        ("rx-equalise", DtSyncHeuristic.RxPowerEqualise, "B3: as follow, received power equalised per cell (oracle CSI)"),
        ("deadline", DtSyncHeuristic.DeadlinePowerControl, "B4: as follow, Foschini-Miljanic power to just meet the deadline (oracle CSI)"),
    ]);

    public IReadOnlyList<PolicyInfo> Policies => Heuristics.Policies;

    public void Validate(ParameterGrid grid) => DtSyncEnv.Validate(grid);

    public IVecEnv CreateEnv(ComputeDevice device, ParameterGrid grid) => new DtSyncEnv(device, grid);

    public IVecPolicy CreatePolicy(string name, IVecEnv env, ulong seed)
    {
        return new DtSyncBaselinePolicy((DtSyncEnv)env, Heuristics.Find(Id, name), name, HeuristicTable<DtSyncHeuristic>.PolicySeed(seed));
    }

    public IReadOnlyList<IReadOnlyDictionary<string, object>> Trace(IVecEnv env, IVecPolicy policy, int steps, ulong seed) =>
        DtSyncTrace.Record((DtSyncEnv)env, policy, steps, seed);
}
