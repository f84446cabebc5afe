using ILGPU;
using ILGPU.Runtime;
using GpuTwin.VecEnv.Metrics;
using GpuTwin.VecEnv.Policies;

namespace GpuTwin.VecEnv.Running;

/// <summary>Metrics of one sweep cell (one parameter combination) over all its envs and steps.</summary>
public sealed record CellResult(int Cell, string Label, IReadOnlyDictionary<string, double> Metrics, double[] Totals);

/// <summary>Runs a policy in a batch for a number of steps and reports metrics per sweep cell.</summary>
public static class PolicyRunner
{
    /// <summary>Every group in order observes (if the policy needs it, or <paramref name="observe"/>) and acts.</summary>
    public static void Act(IVecEnv env, IVecPolicy policy, int step, bool observe = false)
    {
        for (int g = 0; g < env.Spec.Groups.Count; g++)
        {
            if (observe || policy.NeedsObservations) env.Observe(g);
            policy.Act(env, g, step);
        }
    }

    /// <summary>One env step for every env: all groups act, then the env steps.</summary>
    public static void StepOnce(IVecEnv env, IVecPolicy policy, int step)
    {
        Act(env, policy, step);
        env.Step();
    }

    /// <param name="progress">Called with the number of steps done, about every 1% of the run.</param>
    public static IReadOnlyList<CellResult> Run(IVecEnv env, IVecPolicy policy, int steps, ulong seed, Action<int>? progress = null)
    {
        env.Reset(seed);
        env.ClearTotals();
        int every = Math.Max(1, steps / 100);
        for (int t = 0; t < steps; t++)
        {
            StepOnce(env, policy, t);
            if (progress != null && ((t + 1) % every == 0 || t + 1 == steps))
            {
                env.Device.Synchronize();
                progress(t + 1);
            }
        }
        env.Device.Synchronize();
        return Summarise(env);
    }

    /// <summary>Reduces the env's counter totals [E, C] to one result per sweep cell.</summary>
    public static IReadOnlyList<CellResult> Summarise(IVecEnv env)
    {
        var counters = env.Spec.Counters;
        int c = counters.Count;
        double[] totals = ((ArrayView<double>)env.CounterTotals.View).GetAsArray();
        var grid = env.Parameters;
        var results = new List<CellResult>(grid.Cells);
        for (int cell = 0; cell < grid.Cells; cell++)
        {
            var sum = new double[c];
            for (int e = cell * grid.EnvsPerCell; e < (cell + 1) * grid.EnvsPerCell; e++)
                for (int j = 0; j < c; j++)
                {
                    double v = totals[e * c + j];
                    sum[j] = counters.Counters[j].Mode == Accumulate.Max ? Math.Max(sum[j], v) : sum[j] + v;
                }
            results.Add(new CellResult(cell, grid.CellLabel(cell), counters.Evaluate(sum), sum));
        }
        return results;
    }
}
