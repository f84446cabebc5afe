namespace GpuTwin.Kernels.Runtime;

/// <summary>The device asked for does not exist on this machine (e.g. <c>--device cuda</c> without a GPU).</summary>
public sealed class DeviceUnavailableException(string message) : InvalidOperationException(message);
