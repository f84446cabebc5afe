using GpuTwin.VecEnv;
using GpuTwin.VecEnv.Policies;
using static TorchSharp.torch;

namespace GpuTwin.Training.Ppo;

/// <summary>A trained PPO policy as an env policy (evaluation): deterministic = Beta/Gaussian mean and argmax.</summary>
public sealed class TrainedPolicy(PpoTrainer trainer, bool deterministic, string name = "trained") : IVecPolicy
{
    public string Name { get; } = name;
    public bool NeedsObservations => true;

    public void Act(IVecEnv env, int group, int step)
    {
        if (!ReferenceEquals(env, trainer.Env)) throw new ArgumentException("the policy's trainer was built for another env batch", nameof(env));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var obs = trainer.ObservationOf(group);
        var (d, c) = trainer.Act(group, obs, deterministic);
        trainer.WriteActions(group, d, c);
    }
}
