namespace GpuTwin.VecEnv.Policies;

/// <summary>
/// Writes actions for one agent group into the env's action buffers, on the device.
/// Called once per group per step, in group order, after <see cref="IVecEnv.Observe"/> of that group.
/// </summary>
public interface IVecPolicy
{
    string Name { get; }
    void Act(IVecEnv env, int group, int step);
}
