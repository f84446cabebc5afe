using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Parameters;
using ILGPU;
using ILGPU.Runtime;

namespace GpuTwin.VecEnv;

/// <summary>
/// What every <see cref="ISlotEnv"/> shares, so that a scenario writes only its own parts (state, kernels,
/// Reset, Observe, Resolve, Advance): the batch's device and parameters, one <see cref="BufferArena"/> that owns
/// all its device memory, and the output buffers learners read, allocated from the <see cref="EnvSpec"/> so
/// that their shapes cannot drift from what the spec promises.
/// <para>A scenario's constructor validates its parameters, builds its spec, calls <see cref="AllocateOutputs"/>
/// and then wires the output buffers into its state struct.</para>
/// </summary>
public abstract class SlotEnv : ISlotEnv
{
    private MemoryBuffer1D<float, Stride1D.Dense>[] _observations = [];
    private ActionBuffers[] _actions = [];
    private MemoryBuffer1D<byte, Stride1D.Dense>[] _masks = [];
    private MemoryBuffer1D<float, Stride1D.Dense>[] _rewards = [];

    protected SlotEnv(ComputeDevice device, ParameterGrid parameters)
    {
        Device = device;
        Parameters = parameters;
        NumEnvs = parameters.NumEnvs;
        Arena = new BufferArena(device);
    }

    public EnvSpec Spec { get; private set; } = null!;
    public int NumEnvs { get; }
    public ComputeDevice Device { get; }
    public ParameterGrid Parameters { get; }
    /// <summary>Device memory held by this batch, in bytes.</summary>
    public long StateBytes => Arena.TotalBytes;

    /// <summary>Owns every device buffer of the batch; <see cref="Dispose"/> frees them together.</summary>
    protected BufferArena Arena { get; }

    public MemoryBuffer1D<byte, Stride1D.Dense> Truncated { get; private set; } = null!;
    public MemoryBuffer1D<byte, Stride1D.Dense> Terminated { get; private set; } = null!;
    public MemoryBuffer1D<float, Stride1D.Dense> GlobalState { get; private set; } = null!;
    public MemoryBuffer1D<float, Stride1D.Dense> FinalGlobalState { get; private set; } = null!;
    public MemoryBuffer1D<float, Stride1D.Dense> StepCounters { get; private set; } = null!;
    public MemoryBuffer1D<double, Stride1D.Dense> CounterTotals { get; private set; } = null!;

    /// <summary>
    /// Sets <see cref="Spec"/> and allocates, zeroed, the buffers it describes: per group the observation
    /// [E, agents, obs], the actions [E, agents, width] and the mask [E, agents, MaskWidth]; per reward stream [E];
    /// the done flags [E], the global states [E, GlobalStateSize] and the counters [E, C].
    /// </summary>
    /// <param name="observationIsGlobalState">Group 0 is one agent that observes the global state itself: its
    /// observation and <see cref="GlobalState"/> are one buffer, written once.</param>
    protected void AllocateOutputs(EnvSpec spec, bool observationIsGlobalState = false)
    {
        Spec = spec;
        long e = NumEnvs;
        GlobalState = Arena.Alloc<float>(e * spec.GlobalStateSize);
        FinalGlobalState = Arena.Alloc<float>(e * spec.GlobalStateSize);
        if (observationIsGlobalState && spec.Groups[0].Count * spec.Groups[0].ObservationSize != spec.GlobalStateSize)
            throw new ArgumentException($"{spec.ScenarioId}: group 0's observation is not the size of the global state", nameof(observationIsGlobalState));
        _observations = spec.Groups
            .Select((g, i) => i == 0 && observationIsGlobalState ? GlobalState : Arena.Alloc<float>(e * g.Count * g.ObservationSize))
            .ToArray();
        _actions = spec.Groups.Select(g => new ActionBuffers(
                Arena.Alloc<int>(ActionLength(e * g.Count, g.ActionSpace.DiscreteWidth)),
                Arena.Alloc<float>(ActionLength(e * g.Count, g.ActionSpace.ContinuousWidth)),
                g.ActionSpace.DiscreteWidth, g.ActionSpace.ContinuousWidth))
            .ToArray();
        _masks = spec.Groups.Select(g => Arena.Alloc<byte>(e * g.Count * g.MaskWidth)).ToArray();
        _rewards = spec.RewardStreams.Select(_ => Arena.Alloc<float>(e)).ToArray();
        Truncated = Arena.Alloc<byte>(e);
        Terminated = Arena.Alloc<byte>(e);
        StepCounters = Arena.Alloc<float>(e * spec.Counters.Count);
        CounterTotals = Arena.Alloc<double>(e * spec.Counters.Count);
    }

    /// <summary>An action part of width 0 still gets one element, so that its view is valid on every backend.</summary>
    private static long ActionLength(long agents, int width) => width == 0 ? 1 : agents * width;

    public abstract void Reset(ulong seed);

    /// <summary>Checks <paramref name="group"/>, then computes its observation (<see cref="ObserveGroup"/>).</summary>
    public void Observe(int group)
    {
        CheckGroup(group);
        ObserveGroup(group);
    }

    /// <summary>Computes group g's observation [E, agents, obs]; g is a valid group index.</summary>
    protected abstract void ObserveGroup(int group);

    public abstract void ObserveGlobal();

    public MemoryBuffer1D<float, Stride1D.Dense> Observation(int group) { CheckGroup(group); return _observations[group]; }
    public ActionBuffers Actions(int group) { CheckGroup(group); return _actions[group]; }
    public MemoryBuffer1D<byte, Stride1D.Dense> ActionMask(int group) { CheckGroup(group); return _masks[group]; }

    public MemoryBuffer1D<float, Stride1D.Dense> Reward(int stream)
    {
        if ((uint)stream >= (uint)_rewards.Length)
            throw new ArgumentOutOfRangeException(nameof(stream), stream, $"{Spec.ScenarioId} {Numbered("reward stream", Spec.RewardStreams)}");
        return _rewards[stream];
    }

    /// <summary>One slot: <see cref="Resolve"/>, then <see cref="Advance"/>.</summary>
    public void Step()
    {
        Resolve();
        Advance();
    }

    public abstract void Resolve();
    public abstract void Advance();

    public void ClearTotals() => CounterTotals.MemSetToZero();

    /// <summary>Zeroes <see cref="Truncated"/> and <see cref="Terminated"/>: after a reset no env is done.</summary>
    protected void ClearDoneFlags()
    {
        Truncated.MemSetToZero();
        Terminated.MemSetToZero();
    }

    protected void CheckGroup(int group)
    {
        if ((uint)group >= (uint)_observations.Length)
            throw new ArgumentOutOfRangeException(nameof(group), group, $"{Spec.ScenarioId} {Numbered("group", Spec.Groups.Select(g => g.Name).ToList())}");
    }

    /// <summary>"has one group: 0 (user)" or "groups are 0 (mu), 1 (cc), 2 (bs)".</summary>
    private static string Numbered(string what, IReadOnlyList<string> names)
    {
        var list = string.Join(", ", names.Select((n, i) => $"{i} ({n})"));
        return names.Count == 1 ? $"has one {what}: {list}" : $"{what}s are {list}";
    }

    /// <summary>Guards a scenario's Validate: a grid swept from another scenario's table would index the wrong keys.</summary>
    protected static void RequireTable(ParameterGrid grid, ParameterTable table, string scenarioId)
    {
        if (!ReferenceEquals(grid.Table, table))
            throw new ArgumentException($"the parameter grid was not built from the {scenarioId} parameter table");
    }

    public virtual void Dispose() => Arena.Dispose();
}
