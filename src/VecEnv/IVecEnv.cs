using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Parameters;
using ILGPU;
using ILGPU.Runtime;

namespace GpuTwin.VecEnv;

/// <summary>
/// A batch of E environment copies stepping together on one device. All buffers are device-resident,
/// preallocated and row-major with the env index outermost.
/// <para>One step: for each group g in order, <see cref="Observe"/>(g), then a policy writes
/// <see cref="Actions"/>(g); then <see cref="Step"/> resolves the slot, auto-resets finished envs
/// (keeping their final global state) and prepares the next slot.</para>
/// </summary>
public interface IVecEnv : IDisposable
{
    EnvSpec Spec { get; }
    int NumEnvs { get; }
    ComputeDevice Device { get; }
    /// <summary>The per-env parameter values this batch was built with.</summary>
    ParameterGrid Parameters { get; }
    /// <summary>Device memory held by the batch (state, outputs, actions), in bytes: the footprint a step streams through.</summary>
    long StateBytes { get; }

    /// <summary>Starts episode 0 of every env from <paramref name="seed"/>.</summary>
    void Reset(ulong seed);

    /// <summary>Computes group g's observation [E, agents, obs]; groups before g must have written their actions.</summary>
    void Observe(int group);
    MemoryBuffer1D<float, Stride1D.Dense> Observation(int group);
    ActionBuffers Actions(int group);
    /// <summary>After <see cref="Step"/>: [E, agents, MaskWidth], 1 where the action component affected the env.</summary>
    MemoryBuffer1D<byte, Stride1D.Dense> ActionMask(int group);

    void Step();

    /// <summary>After <see cref="Step"/>: reward stream r for every env, [E].</summary>
    MemoryBuffer1D<float, Stride1D.Dense> Reward(int stream);
    MemoryBuffer1D<byte, Stride1D.Dense> Truncated { get; }
    MemoryBuffer1D<byte, Stride1D.Dense> Terminated { get; }

    /// <summary>Computes the global (critic) state [E, GlobalStateSize] of the current slot.</summary>
    void ObserveGlobal();
    MemoryBuffer1D<float, Stride1D.Dense> GlobalState { get; }
    /// <summary>The global state an env had when it was truncated in the last step (for bootstrapping).</summary>
    MemoryBuffer1D<float, Stride1D.Dense> FinalGlobalState { get; }

    /// <summary>This step's counters [E, Spec.Counters.Count].</summary>
    MemoryBuffer1D<float, Stride1D.Dense> StepCounters { get; }
    /// <summary>Counters accumulated since the last <see cref="ClearTotals"/> (sum or max per counter), [E, C].</summary>
    MemoryBuffer1D<double, Stride1D.Dense> CounterTotals { get; }
    void ClearTotals();
}
