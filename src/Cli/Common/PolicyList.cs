using GpuTwin.VecEnv.Scenarios;

namespace GpuTwin.Cli.Common;

/// <summary>The <c>--policy</c> flag of the verbs that step heuristics: a comma-separated list of a scenario's baselines, or <c>all</c>.</summary>
public static class PolicyList
{
    /// <summary>The names in <paramref name="list"/>, checked against the scenario; a one-line usage error names the first unknown one.</summary>
    public static IReadOnlyList<string> Parse(IScenario scenario, string list)
    {
        var names = list == "all"
            ? scenario.Policies.Select(p => p.Name).ToList()
            : list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        string known = string.Join("|", scenario.Policies.Select(p => p.Name));
        if (names.Count == 0) throw new UsageException($"--policy: no policy given; allowed: all or a comma-separated list of {known}");
        foreach (var n in names)
            if (scenario.Policies.All(p => p.Name != n))
                throw new UsageException($"--policy '{n}': unknown for {scenario.Id}; allowed: all|{known}");
        return names;
    }
}
