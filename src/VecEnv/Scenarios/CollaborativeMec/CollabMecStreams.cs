namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec;

/// <summary>
/// Random streams of collab-mec (spec §3), one per quantity, so adding a draw to one never shifts another.
/// <para>Key mapping onto <see cref="GpuTwin.Kernels.Random.CounterRng"/>(seed, env, episode, step).Uniform(stream, entity):
/// seed = the run seed; env = the env index; episode = EpisodeIndex; step = the slot t the draw belongs to (the
/// fields of slot t are keyed by t although they are drawn at the end of slot t − 1; reset draws p and Q^E(0)
/// use slot 0 of the new episode; with <c>power_per_slot</c> p is keyed by its slot); stream = the constant below;
/// entity = i·<see cref="EntityStride"/> + j for device (i, j).</para>
/// <para>The entity stride is the constant <see cref="CollabMecParameters.MaxDevicesPerBs"/>, not the batch's U_max
/// (the spec's q = i·U_max + j), so an env's draws do not depend on the padding a device-count sweep gives the batch.
/// Padded device slots draw nothing. Policy streams (exploration noise, the Random baseline, replay sampling)
/// are keyed by the policy seed, never by the env seed, and have their own stream numbers.</para>
/// </summary>
public static class CollabMecStreams
{
    public const int ResetPower = 1, ResetBattery = 2, Size = 3, Density = 4, Deadline = 5, Award = 6, Fading = 7, Harvest = 8,
        ExploreNoise = 9, RandomPolicy = 10, Replay = 11;

    public const int EntityStride = CollabMecParameters.MaxDevicesPerBs;

    public static int Entity(int bs, int device) => bs * EntityStride + device;
}
