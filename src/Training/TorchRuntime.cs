using TorchSharp;

namespace GpuTwin.Training;

/// <summary>
/// One place that loads TorchSharp's native libraries, so that a load failure surfaces early with an
/// actionable message instead of a bare <see cref="DllNotFoundException"/> deep inside a tensor call.
/// </summary>
/// <remarks>
/// TorchSharp 0.107's <c>libLibTorchSharp.so</c> requires <c>GLIBCXX_3.4.32</c> (GCC 13) for a single
/// symbol; Debian 12's libstdc++ only has 3.4.30. The build step in build/TorchSharpGlibcxxFix.targets
/// marks that requirement weak in the copy in the output / publish directory, after which it loads.
/// </remarks>
public static class TorchRuntime
{
    private static readonly object Gate = new();
    private static volatile bool _loaded;

    /// <summary>Initialises TorchSharp (CPU backend) once; safe to call from any thread, any number of times.</summary>
    /// <exception cref="InvalidOperationException">The native libraries could not be loaded.</exception>
    public static void EnsureLoaded()
    {
        if (_loaded) return;
        lock (Gate)
        {
            if (_loaded) return;
            try
            {
                torch.InitializeDeviceType(DeviceType.CPU);
            }
            catch (Exception ex)
            {
                throw new InvalidOperationException(
                    "TorchSharp's native library (libLibTorchSharp.so) failed to load. On systems whose libstdc++ " +
                    "lacks GLIBCXX_3.4.32 (GCC < 13, e.g. Debian 12) the build patches the copy in the output " +
                    "directory to mark that version requirement weak (build/TorchSharpGlibcxxFix.targets). " +
                    "Rebuild or republish with `dotnet build` / `dotnet publish` so the patched copy is used, " +
                    "and do not load the unpatched file from the NuGet cache. Inner error: " + ex.Message, ex);
            }

            _loaded = true;
        }
    }
}
