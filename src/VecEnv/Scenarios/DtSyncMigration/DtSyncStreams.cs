namespace GpuTwin.VecEnv.Scenarios.DtSyncMigration;

/// <summary>
/// Random streams of dt-sync (spec §4): one per quantity, so adding a draw to one never shifts another.
/// The step coordinate of a reset draw is <see cref="ResetStep"/>.
/// </summary>
public static class DtSyncStreams
{
    public const int Reset = 1, Mobility = 2, Request = 3, Fading = 4, RandomPolicy = 5, BsLayout = 6;
    public const int ResetStep = -1;
}
