namespace GpuTwin.VecEnv.Scenarios.IomtMultiTask;

/// <summary>
/// Random streams of iomt (spec §3): one per quantity, so adding a draw to one never shifts another.
/// Layout draws use the reserved episode <see cref="LayoutEpisode"/>; with <c>layout_key=run</c> the env index is 0.
/// </summary>
public static class IomtStreams
{
    public const int Layout = 1, TaskD = 2, TaskC = 3, TaskP = 4, Fading = 5, Explore = 6, ServerLayout = 7;
    public const int LayoutEpisode = int.MaxValue, LayoutStep = -1;
}
