namespace GpuTwin.VecEnv.Scenarios.V2xOffloading;

/// <summary>
/// Random streams of v2x (spec §3): one per quantity, so adding a draw to one never shifts another.
/// Entities of per-pair draws are i·MaxEs + j, independent of the padded sizes of a batch.
/// </summary>
public static class V2xStreams
{
    public const int Reset = 1, Fmax = 2, Task = 3, Fade = 4, Turn = 5, Rocs = 6, RandomPolicy = 7;
    /// <summary>The step coordinate of episode-reset draws.</summary>
    public const int ResetStep = -1;
}
