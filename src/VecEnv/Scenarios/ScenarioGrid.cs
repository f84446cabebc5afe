using GpuTwin.VecEnv.Parameters;

namespace GpuTwin.VecEnv.Scenarios;

/// <summary>Resolves a scenario's profile, <c>key=value</c> overrides and sweeps into a validated per-env grid.</summary>
public static class ScenarioGrid
{
    public static ParameterGrid Build(IScenario scenario, string? profile, IEnumerable<string> sets, IEnumerable<string> sweeps, int envsPerCell)
    {
        var table = scenario.Parameters;
        var overrides = new Dictionary<int, double>();
        if (profile != null)
        {
            var p = scenario.Profiles.FirstOrDefault(x => x.Name == profile)
                ?? throw new ParameterException($"--profile '{profile}': unknown for {scenario.Id}; allowed: {string.Join("|", scenario.Profiles.Select(x => x.Name))}");
            foreach (var (key, value) in p.Overrides) overrides[table.IndexOf(key)] = table[key].Parse(value);
        }
        foreach (var s in sets)
        {
            var (i, v) = Sweep.ParseSet(table, s);
            overrides[i] = v;
        }
        var grid = new ParameterGrid(table, overrides, sweeps.Select(s => Sweep.Parse(table, s)).ToList(), envsPerCell);
        scenario.Validate(grid);
        return grid;
    }
}
