using GpuTwin.Training.Plots;

namespace GpuTwin.Training.Runs;

/// <summary>learning_curve.png from metrics.csv.</summary>
public static class LearningCurve
{
    /// <summary>
    /// Plots each of <paramref name="yColumns"/> that metrics.csv has against <paramref name="xColumn"/> (one panel per
    /// column in one PNG, written atomically by <see cref="LinePlot"/>). Columns absent from the file are skipped; rows
    /// without a value (or with a non-finite value) for a column are skipped for that series. Writes nothing while the
    /// file has no data rows yet.
    /// </summary>
    /// <param name="xLabel">Axis label when the column's name is not the quantity (default: the column name).</param>
    /// <exception cref="RunDirectoryException">The file is missing or unreadable, lacks <paramref name="xColumn"/>, or has none of <paramref name="yColumns"/>.</exception>
    public static void Save(string metricsCsvPath, string pngPath, string xColumn, IReadOnlyList<string> yColumns, string title, string? xLabel = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pngPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(xColumn);
        ArgumentNullException.ThrowIfNull(yColumns);
        var (columns, rows) = MetricsLog.ReadTable(metricsCsvPath);
        if (columns.Count == 0 || rows.Count == 0) return;
        if (!columns.Contains(xColumn))
            throw new RunDirectoryException($"{Path.GetFullPath(metricsCsvPath)} has no column '{xColumn}' to plot against (columns: {string.Join(", ", columns)}).");
        var present = yColumns.Where(columns.Contains).Distinct().ToList();
        if (present.Count == 0)
            throw new RunDirectoryException(
                $"{Path.GetFullPath(metricsCsvPath)} has none of the columns to plot ({string.Join(", ", yColumns)}); it has: {string.Join(", ", columns)}.");

        var series = new List<Series>();
        foreach (string y in present)
        {
            var xs = new List<double>();
            var ys = new List<double>();
            foreach (var row in rows)
            {
                if (!row.TryGetValue(xColumn, out double x) || !row.TryGetValue(y, out double v)) continue;
                if (!double.IsFinite(x) || !double.IsFinite(v)) continue;
                xs.Add(x);
                ys.Add(v);
            }
            if (xs.Count > 0) series.Add(new Series(y, xs, ys));
        }
        if (series.Count == 0) return;
        // One panel per metric: reward (up to 10⁵ when queues explode) and a failure ratio in [0, 1] cannot share an axis.
        LinePlot.SavePanelsPng(pngPath, title, xLabel ?? xColumn, series);
    }
}
