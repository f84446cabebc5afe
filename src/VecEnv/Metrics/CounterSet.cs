namespace GpuTwin.VecEnv.Metrics;

/// <summary>How a per-step counter is accumulated over steps and envs.</summary>
public enum Accumulate { Sum, Max }

/// <summary>One raw per-step, per-env quantity written by the scenario's metrics kernel.</summary>
public sealed record CounterDef(string Name, string Unit, Accumulate Mode = Accumulate.Sum);

/// <summary>
/// The scenario's raw counters and the reported metrics derived from them. Kernels write counters; the
/// host turns accumulated counters into metrics (ratios of sums), so means are exact over any grouping.
/// </summary>
public sealed class CounterSet
{
    public IReadOnlyList<CounterDef> Counters { get; }
    public IReadOnlyList<MetricDef> Metrics { get; }
    public int Count => Counters.Count;

    public CounterSet(IReadOnlyList<CounterDef> counters, IReadOnlyList<MetricDef> metrics)
    {
        Counters = counters;
        Metrics = metrics;
        foreach (var m in metrics)
        {
            if (m.Numerator < 0 || m.Numerator >= counters.Count || m.Denominator >= counters.Count)
                throw new ArgumentException($"metric {m.Name} refers to a counter that does not exist");
        }
    }

    public int IndexOf(string counter)
    {
        for (int i = 0; i < Counters.Count; i++)
            if (Counters[i].Name == counter) return i;
        throw new ArgumentException($"no counter '{counter}'");
    }

    public MetricDef Metric(string name) =>
        Metrics.FirstOrDefault(m => m.Name == name) ?? throw new ArgumentException($"no metric '{name}'");

    /// <summary>Evaluates every metric on accumulated counter totals.</summary>
    public IReadOnlyDictionary<string, double> Evaluate(ReadOnlySpan<double> totals)
    {
        var result = new Dictionary<string, double>(Metrics.Count);
        foreach (var m in Metrics)
        {
            double num = totals[m.Numerator] * m.Scale;
            if (m.Denominator < 0) { result[m.Name] = num; continue; }
            double den = totals[m.Denominator];
            result[m.Name] = den > 0 ? num / den : double.NaN;
        }
        return result;
    }
}
