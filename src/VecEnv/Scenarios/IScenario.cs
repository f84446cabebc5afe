using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Policies;

namespace GpuTwin.VecEnv.Scenarios;

/// <summary>A named set of parameter overrides (e.g. <c>paper-literal</c>).</summary>
public sealed record ScenarioProfile(string Name, string Description, IReadOnlyDictionary<string, string> Overrides);

/// <summary>A non-learning policy the scenario ships (spec §9 baselines and random).</summary>
public sealed record PolicyInfo(string Name, string Description);

/// <summary>One scenario: its parameters, how to build a batch, its baselines and its trace.</summary>
public interface IScenario
{
    string Id { get; }
    string Title { get; }
    /// <summary>Source paper file in shared/seeds and the spec it follows.</summary>
    string Source { get; }
    ParameterTable Parameters { get; }
    IReadOnlyList<ScenarioProfile> Profiles { get; }
    IReadOnlyList<PolicyInfo> Policies { get; }

    /// <summary>Cross-field validation of a whole grid; throws <see cref="ParameterException"/>.</summary>
    void Validate(ParameterGrid grid);
    IVecEnv CreateEnv(ComputeDevice device, ParameterGrid grid);
    IVecPolicy CreatePolicy(string name, IVecEnv env, ulong seed);
    /// <summary>Runs <paramref name="steps"/> steps and records env 0's per-agent quantities of each resolved slot, for checking physics by hand.</summary>
    IReadOnlyList<IReadOnlyDictionary<string, object>> Trace(IVecEnv env, IVecPolicy policy, int steps, ulong seed);
}
