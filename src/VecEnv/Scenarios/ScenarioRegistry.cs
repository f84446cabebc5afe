using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Scenarios.DtSyncMigration;
using GpuTwin.VecEnv.Scenarios.IomtMultiTask;

namespace GpuTwin.VecEnv.Scenarios;

/// <summary>Every scenario id the CLI knows, one per paper.</summary>
public static class ScenarioRegistry
{
    public static IReadOnlyList<IScenario> Available { get; } =
    [
        new DtSyncScenario(), new IomtScenario(), new V2xOffloading.V2xScenario(),
        new IotMigration.IotMigrationScenario(), new CollaborativeMec.CollabMecScenario(),
    ];

    public static IEnumerable<string> AllIds => Available.Select(s => s.Id).OrderBy(x => x);

    public static IScenario Get(string id)
    {
        var s = Available.FirstOrDefault(x => x.Id == id);
        if (s != null) return s;
        throw new ParameterException($"--scenario '{id}': unknown; allowed: {string.Join("|", AllIds)}");
    }
}
