namespace GpuTwin.Kernels.Runtime;

/// <summary>Where kernels run. Chosen once per batch with <c>--device</c>.</summary>
public enum DeviceKind
{
    /// <summary>CUDA when a usable GPU is present, else <see cref="Cpu"/>.</summary>
    Auto,
    /// <summary>ILGPU's CUDA accelerator.</summary>
    Cuda,
    /// <summary>
    /// The fast host path: buffers live in host memory and the same static kernel methods are called
    /// directly over their views in <c>Parallel.For</c> chunks (about 100x faster than ILGPU's CPU emulator).
    /// </summary>
    Cpu,
    /// <summary>ILGPU's CPU accelerator, an emulator: only for checking kernels under ILGPU semantics.</summary>
    IlgpuCpu,
}

public static class DeviceKindNames
{
    public const string Allowed = "auto|cuda|cpu|ilgpu-cpu";

    public static string Name(this DeviceKind kind) => kind switch
    {
        DeviceKind.Auto => "auto",
        DeviceKind.Cuda => "cuda",
        DeviceKind.Cpu => "cpu",
        DeviceKind.IlgpuCpu => "ilgpu-cpu",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static bool TryParse(string text, out DeviceKind kind)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "auto": kind = DeviceKind.Auto; return true;
            case "cuda": case "gpu": kind = DeviceKind.Cuda; return true;
            case "cpu": kind = DeviceKind.Cpu; return true;
            case "ilgpu-cpu": kind = DeviceKind.IlgpuCpu; return true;
            default: kind = DeviceKind.Auto; return false;
        }
    }
}
