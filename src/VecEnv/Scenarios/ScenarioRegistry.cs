using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Scenarios.DtSyncMigration;
using GpuTwin.VecEnv.Scenarios.IomtMultiTask;

namespace GpuTwin.VecEnv.Scenarios;

/// <summary>Every scenario id the CLI knows, implemented or planned.</summary>
public static class ScenarioRegistry
{
    public static IReadOnlyList<IScenario> Available { get; } =
    [
        new DtSyncScenario(), new IomtScenario(), new V2xOffloading.V2xScenario(),
        new IotMigration.IotMigrationScenario(), new CollaborativeMec.CollabMecScenario(),
    ];

    /// <summary>Ids reserved for scenarios that are documented but not implemented (none at present).</summary>
    public static IReadOnlyList<PlannedScenario> Planned { get; } =
    [
    ];

    public static IEnumerable<string> AllIds => Available.Select(s => s.Id).Concat(Planned.Select(p => p.Id)).OrderBy(x => x);

    public static IScenario Get(string id)
    {
        var s = Available.FirstOrDefault(x => x.Id == id);
        if (s != null) return s;
        if (Planned.Any(p => p.Id == id))
            throw new ParameterException($"--scenario {id}: not implemented yet; available: {string.Join(", ", Available.Select(x => x.Id))}");
        throw new ParameterException($"--scenario '{id}': unknown; allowed: {string.Join("|", AllIds)}");
    }
}
