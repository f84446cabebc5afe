namespace GpuTwin.VecEnv.Policies;

/// <summary>
/// Writes actions for one agent group into the env's action buffers, on the device.
/// Called once per group per step, in group order, after <see cref="IVecEnv.Observe"/> of that group
/// (skipped when <see cref="NeedsObservations"/> is false, e.g. for oracle heuristics).
/// </summary>
public interface IVecPolicy
{
    string Name { get; }
    bool NeedsObservations { get; }
    void Act(IVecEnv env, int group, int step);
}
