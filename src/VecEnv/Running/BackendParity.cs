using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Policies;
using GpuTwin.VecEnv.Scenarios;
using ILGPU;
using ILGPU.Runtime;

namespace GpuTwin.VecEnv.Running;

/// <summary>
/// Steps the same batch (scenario, parameters, seed, heuristic policy) on two devices side by side and compares
/// every buffer a learner or a trace sees after every step: each group's observation, actions (the heuristic runs
/// as a kernel too) and action mask, every reward stream, the done flags, the global state and the step counters.
/// Floats agree when |a − b| ≤ atol + rtol·|a| (a: the reference); ints and bytes must be equal.
/// The host path and ILGPU's CPU accelerator are expected to agree exactly; CUDA within float tolerance.
/// </summary>
public static class BackendParity
{
    public sealed record Tolerance(double Relative, double Absolute)
    {
        public static Tolerance Default { get; } = new(1e-4, 1e-5);
    }

    /// <summary>
    /// Runs <paramref name="steps"/> steps of <paramref name="policy"/> on both batches (built from the two grids,
    /// normally the same one) from <paramref name="seed"/> and compares them after every step.
    /// </summary>
    public static ParityReport Compare(IScenario scenario, string policy, ulong seed, int steps, Tolerance tolerance,
        (ComputeDevice Device, ParameterGrid Grid) reference, (ComputeDevice Device, ParameterGrid Grid) candidate)
    {
        if (steps < 1) throw new ArgumentOutOfRangeException(nameof(steps), steps, "at least one step");
        if (reference.Grid.NumEnvs != candidate.Grid.NumEnvs)
            throw new ArgumentException($"the two batches differ in size ({reference.Grid.NumEnvs} vs {candidate.Grid.NumEnvs} envs)");
        using var a = scenario.CreateEnv(reference.Device, reference.Grid);
        using var b = scenario.CreateEnv(candidate.Device, candidate.Grid);
        var pa = scenario.CreatePolicy(policy, a, seed);
        var pb = scenario.CreatePolicy(policy, b, seed);
        try
        {
            a.Reset(seed);
            b.Reset(seed);
            var fields = new Dictionary<string, FieldComparison>();
            for (int t = 0; t < steps; t++)
            {
                for (int g = 0; g < a.Spec.Groups.Count; g++)
                {
                    a.Observe(g);
                    b.Observe(g);
                    string name = a.Spec.Groups[g].Name;
                    Floats(fields, $"obs[{name}]", a.Observation(g), b.Observation(g), t, tolerance);
                    pa.Act(a, g, t);
                    pb.Act(b, g, t);
                    var (actA, actB) = (a.Actions(g), b.Actions(g));
                    if (actA.DiscreteWidth > 0) Exact(fields, $"action[{name}].discrete", actA.Discrete, actB.Discrete, t);
                    if (actA.ContinuousWidth > 0) Floats(fields, $"action[{name}].continuous", actA.Continuous, actB.Continuous, t, tolerance);
                }
                a.ObserveGlobal();
                b.ObserveGlobal();
                Floats(fields, "global state", a.GlobalState, b.GlobalState, t, tolerance);
                a.Step();
                b.Step();
                for (int g = 0; g < a.Spec.Groups.Count; g++)
                    Exact(fields, $"mask[{a.Spec.Groups[g].Name}]", a.ActionMask(g), b.ActionMask(g), t);
                for (int r = 0; r < a.Spec.RewardStreams.Count; r++)
                    Floats(fields, $"reward[{a.Spec.RewardStreams[r]}]", a.Reward(r), b.Reward(r), t, tolerance);
                Exact(fields, "truncated", a.Truncated, b.Truncated, t);
                Exact(fields, "terminated", a.Terminated, b.Terminated, t);
                Floats(fields, "final global state", a.FinalGlobalState, b.FinalGlobalState, t, tolerance);
                Floats(fields, "step counters", a.StepCounters, b.StepCounters, t, tolerance);
            }
            return new ParityReport(scenario.Id, policy, reference.Grid.NumEnvs, steps, tolerance,
                reference.Device.Description, candidate.Device.Description, fields.Values.ToList());
        }
        finally
        {
            (pa as IDisposable)?.Dispose();
            (pb as IDisposable)?.Dispose();
        }
    }

    private static void Floats(Dictionary<string, FieldComparison> fields, string name,
        MemoryBuffer1D<float, Stride1D.Dense> a, MemoryBuffer1D<float, Stride1D.Dense> b, int step, Tolerance tolerance)
    {
        var x = ((ArrayView<float>)a.View).GetAsArray();
        var y = ((ArrayView<float>)b.View).GetAsArray();
        Field(fields, name).AddFloats(x, y, step, tolerance);
    }

    private static void Exact<T>(Dictionary<string, FieldComparison> fields, string name,
        MemoryBuffer1D<T, Stride1D.Dense> a, MemoryBuffer1D<T, Stride1D.Dense> b, int step) where T : unmanaged, IEquatable<T>
    {
        var x = ((ArrayView<T>)a.View).GetAsArray();
        var y = ((ArrayView<T>)b.View).GetAsArray();
        Field(fields, name).AddExact(x, y, step);
    }

    private static FieldComparison Field(Dictionary<string, FieldComparison> fields, string name)
    {
        if (!fields.TryGetValue(name, out var f)) fields[name] = f = new FieldComparison(name);
        return f;
    }
}
