using ILGPU;
using ILGPU.Runtime;

namespace GpuTwin.VecEnv;

/// <summary>
/// One group's env-owned, preallocated action buffers: ints [E, agents, DiscreteWidth] and floats
/// [E, agents, ContinuousWidth]. Policies write into them on the device; <see cref="IVecEnv.Step"/> reads them.
/// </summary>
public sealed class ActionBuffers(MemoryBuffer1D<int, Stride1D.Dense> discrete, MemoryBuffer1D<float, Stride1D.Dense> continuous, int discreteWidth, int continuousWidth)
{
    public MemoryBuffer1D<int, Stride1D.Dense> Discrete { get; } = discrete;
    public MemoryBuffer1D<float, Stride1D.Dense> Continuous { get; } = continuous;
    public int DiscreteWidth { get; } = discreteWidth;
    public int ContinuousWidth { get; } = continuousWidth;
}
