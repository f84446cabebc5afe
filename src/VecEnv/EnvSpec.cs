using GpuTwin.VecEnv.Metrics;

namespace GpuTwin.VecEnv;

/// <summary>Everything a learner or runner needs to know about a scenario's shapes.</summary>
public sealed record EnvSpec(
    string ScenarioId,
    IReadOnlyList<AgentGroup> Groups,
    IReadOnlyList<string> RewardStreams,
    int GlobalStateSize,
    CounterSet Counters)
{
    public int AgentsPerEnv => Groups.Sum(g => g.Count);

    public int GroupIndex(string name)
    {
        for (int g = 0; g < Groups.Count; g++)
            if (Groups[g].Name == name) return g;
        throw new ArgumentException($"scenario {ScenarioId} has no agent group '{name}' (groups: {string.Join(", ", Groups.Select(x => x.Name))})");
    }
}
