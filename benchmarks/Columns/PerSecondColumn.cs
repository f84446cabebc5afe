using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace GpuTwin.Benchmarks.Columns;

/// <summary>
/// A throughput column: (value of an integer <c>[Params]</c> × a fixed multiplier) / mean seconds per operation.
/// With <c>OperationsPerInvoke</c> set so that one operation is one step of the whole batch, and the
/// parameter being the batch size, this reads as environment (or agent) steps per second.
/// Benchmarks without that parameter show "-"; failed ones "NA".
/// </summary>
public abstract class PerSecondColumn : IColumn
{
    private readonly string _parameterName;
    private readonly double _multiplier;

    protected PerSecondColumn(string parameterName, double multiplier)
    {
        _parameterName = parameterName;
        _multiplier = multiplier;
    }

    /// <summary>The integer parameter that counts envs per batch.</summary>
    protected string ParameterName => _parameterName;

    public abstract string Id { get; }
    public abstract string ColumnName { get; }
    public abstract string Legend { get; }
    public abstract int PriorityInCategory { get; }

    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) =>
        summary.BenchmarksCases.Any(c => c.Parameters.Items.Any(p => p.Name == _parameterName));

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        double? perSecond = PerSecond(summary, benchmarkCase);
        if (perSecond is null)
            return benchmarkCase.Parameters.Items.Any(p => p.Name == _parameterName) ? "NA" : "-";
        return perSecond.Value.ToString("N0", style.CultureInfo ?? CultureInfo.InvariantCulture);
    }

    /// <summary>The throughput, or null when the case has no such parameter or no result.</summary>
    public double? PerSecond(Summary summary, BenchmarkCase benchmarkCase)
    {
        var parameter = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == _parameterName);
        if (parameter?.Value is not int count) return null;
        double? multiplier = Multiplier(benchmarkCase);
        if (multiplier is null) return null;
        var stats = summary[benchmarkCase]?.ResultStatistics;
        if (stats is null || !(stats.Mean > 0)) return null;
        // ResultStatistics are in nanoseconds per operation (already divided by OperationsPerInvoke).
        return count * multiplier.Value / (stats.Mean * 1e-9);
    }

    /// <summary>The per-env multiplier for this case (null = not applicable).</summary>
    protected virtual double? Multiplier(BenchmarkCase benchmarkCase) => _multiplier;

    public override string ToString() => ColumnName;
}
