using GpuTwin.VecEnv;
using GpuTwin.VecEnv.Policies;

namespace GpuTwin.Training.Tabular;

/// <summary>A learned table as an env policy for evaluation: greedy (ε = 0), no context counting, no updates.</summary>
public sealed class TabularPolicy(IotMigrationBinding binding, TabularLearner learner, string name) : IVecPolicy
{
    public string Name { get; } = name;
    /// <summary>Reads the DT's tabular states directly from the env state.</summary>
    public bool NeedsObservations => false;

    public void Act(IVecEnv env, int group, int step)
    {
        if (!ReferenceEquals(env, binding.Env)) throw new ArgumentException("this policy was built for another env batch", nameof(env));
        learner.Act(binding.View(), explore: false, learn: false);
    }
}
