using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Scenarios.DtSyncMigration;
using GpuTwin.VecEnv.Scenarios.IomtMultiTask;

namespace GpuTwin.VecEnv.Scenarios;

/// <summary>Every scenario id the CLI knows, implemented or planned.</summary>
public static class ScenarioRegistry
{
    public static IReadOnlyList<IScenario> Available { get; } = [new DtSyncScenario(), new IomtScenario(), new V2xOffloading.V2xScenario(), new CollaborativeMec.CollabMecScenario()];

    public static IReadOnlyList<PlannedScenario> Planned { get; } =
    [
        new("iot-migration", "Partial offloading, service migration and authenticated access in massive IoT", "paper 001, spec iot_migration.md"),
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
