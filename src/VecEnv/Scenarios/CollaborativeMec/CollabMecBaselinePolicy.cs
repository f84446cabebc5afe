using GpuTwin.VecEnv.Policies;
using GpuTwin.VecEnv.Scenarios.CollaborativeMec.Baselines;

namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec;

/// <summary>
/// A spec §9 baseline as a policy: writes the proto-action of every env from the twin's state into the env's
/// action buffer (the joint layout of both views), which the env then decodes with Algorithm 1 like any other.
/// </summary>
public sealed class CollabMecBaselinePolicy : IVecPolicy, IDisposable
{
    private readonly CollabMecEnv _env;
    private readonly MecBaseline _baseline;

    public string Name { get; }
    public MecHeuristic Heuristic => _baseline.Heuristic;
    /// <summary>Baselines read the twin's state directly.</summary>
    public bool NeedsObservations => false;

    public CollabMecBaselinePolicy(CollabMecEnv env, MecHeuristic heuristic, string name, ulong policySeed)
    {
        _env = env;
        Name = name;
        _baseline = new MecBaseline(env.Device, heuristic, env.NumEnvs, env.NMax, env.UMax, policySeed, CollabMecStreams.RandomPolicy);
    }

    public void Act(IVecEnv env, int group, int step)
    {
        if (!ReferenceEquals(env, _env)) throw new ArgumentException("this policy was built for another env batch", nameof(env));
        if (group != CollabMecEnv.AgentGroupIndex) return;
        var s = _env.State;
        _baseline.Act(s.RefinementViews, s.Proto, s.Slot, s.EpisodeIndex);
    }

    public void Dispose() => _baseline.Dispose();
}
