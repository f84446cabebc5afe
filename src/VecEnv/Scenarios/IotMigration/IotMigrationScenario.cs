using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Policies;
using GpuTwin.VecEnv.Scenarios.IotMigration.Authentication;
using GpuTwin.VecEnv.Scenarios.IotMigration.Baselines;

namespace GpuTwin.VecEnv.Scenarios.IotMigration;

/// <summary>Registry entry of <c>iot-migration</c>.</summary>
public sealed class IotMigrationScenario : IScenario
{
    private readonly Func<ParameterGrid, ICredentialAuthority> _authority;

    /// <param name="authority">Builds the credential authority of one env object (the env owns and disposes it).</param>
    public IotMigrationScenario(Func<ParameterGrid, ICredentialAuthority>? authority = null)
    {
        _authority = authority ?? DefaultAuthority;
    }

    public string Id => IotMigrationEnv.Id;
    public string Title => "DT-empowered partial offloading, service migration and certificate authentication (JAL vs IL Q-learning)";
    public string Source => "paper 001, spec iot_migration.md";
    public ParameterTable Parameters => IotMigrationParameters.Table;

    public IReadOnlyList<ScenarioProfile> Profiles { get; } =
    [
        new("default", "spec resolutions: T_proc = max(T_local, T_edge), corrected eq. 9, 5% bad credentials, handshake latencies of §6.A.4",
            new Dictionary<string, string>()),
        new("paper-literal", "every added mechanism that can be switched off (spec §12.33): combine=sum, eq. 9 as printed, no bad credentials, no authentication latency, individual 1/T reward",
            new Dictionary<string, string>
            {
                ["combine"] = "sum", ["eq9"] = "paper-literal", ["bad_fraction"] = "0", ["auth_latency"] = "none", ["reward_mode"] = "individual",
            }),
    ];

    private static readonly HeuristicTable<IotMigrationHeuristic> Heuristics = new(
    [
        ("local", IotMigrationHeuristic.Local, "every task on the device (paper benchmark)"),
        ("random", IotMigrationHeuristic.Random, "uniform over the actions, half of the offloads migrate (paper benchmark)"),
        ("edge-all", IotMigrationHeuristic.EdgeAll, "θ = 0, stay: full offloading to the nearest server"),
        ("half-split", IotMigrationHeuristic.HalfSplit, "θ = 1/2, stay"),
        ("greedy", IotMigrationHeuristic.Greedy, "GreedySequential: myopic DT oracle minimising the estimated latency in the decision order"),
    ]);

    public IReadOnlyList<PolicyInfo> Policies => Heuristics.Policies;

    public void Validate(ParameterGrid grid) => IotMigrationParameters.Validate(grid, int.MaxValue);

    public IVecEnv CreateEnv(ComputeDevice device, ParameterGrid grid)
    {
        var authority = _authority(grid);
        try
        {
            return new IotMigrationEnv(device, grid, authority, ownsAuthority: true);
        }
        catch
        {
            authority.Dispose();
            throw;
        }
    }

    public IVecPolicy CreatePolicy(string name, IVecEnv env, ulong seed) =>
        new IotMigrationBaselinePolicy((IotMigrationEnv)env, Heuristics.Find(Id, name), name, HeuristicTable<IotMigrationHeuristic>.PolicySeed(seed));

    public IReadOnlyList<IReadOnlyDictionary<string, object>> Trace(IVecEnv env, IVecPolicy policy, int steps, ulong seed) =>
        IotMigrationTrace.Record((IotMigrationEnv)env, policy, steps, seed);

    /// <summary>Pool sizes for a grid: at least 1024 good credentials (spec §6.A.2) and one edge credential per server.</summary>
    public static (int PoolGood, int EdgeServers) PoolFor(ParameterGrid grid)
    {
        int uMax = Enumerable.Range(0, grid.Cells).Max(c =>
            (int)(grid.CellValue(c, IotMigrationParameters.UsersPerServer) * grid.CellValue(c, IotMigrationParameters.Servers)));
        return (Math.Max(1024, uMax), Math.Max(15, (int)grid.Max("servers")));
    }

    /// <summary>A real X.509 authority (spec §6.A.2) sized for the grid, one per env object, issued at the env's first reset.</summary>
    private static ICredentialAuthority DefaultAuthority(ParameterGrid grid)
    {
        var (poolGood, edges) = PoolFor(grid);
        const int poolBad = 64;
        return new DeferredCredentialAuthority(poolGood, poolBad, edges,
            () => new X509CredentialAuthority(poolGood: poolGood, poolBad: poolBad, edgeServers: edges));
    }
}
