using GpuTwin.Training.IO;
using ScottPlot;

namespace GpuTwin.Training.Plots;

/// <summary>One named series of (x, y) points.</summary>
public sealed record Series(string Label, IReadOnlyList<double> X, IReadOnlyList<double> Y);

/// <summary>Line plots saved as PNG (ScottPlot, rendered with SkiaSharp; no display needed).</summary>
public static class LinePlot
{
    /// <summary>Writes the plot atomically (<see cref="AtomicFile"/>): rendered in memory, written to a temporary file, moved over <paramref name="path"/>.</summary>
    public static void SavePng(string path, string title, string xLabel, string yLabel, IReadOnlyList<Series> series,
        int width = 900, int height = 540, bool logX = false)
    {
        var plot = new ScottPlot.Plot();
        foreach (var s in series)
        {
            var xs = s.X.Select(x => logX ? Math.Log10(x) : x).ToArray();
            var line = plot.Add.Scatter(xs, s.Y.ToArray());
            line.LegendText = s.Label;
        }
        plot.Title(title);
        plot.XLabel(logX ? $"{xLabel} (log10)" : xLabel);
        plot.YLabel(yLabel);
        if (series.Count > 1) plot.ShowLegend();
        AtomicFile.WriteAllBytes(path, plot.GetImageBytes(width, height, ImageFormat.Png));
    }

    /// <summary>One panel per series (own y axis) in a grid, e.g. a learning curve's reward, energy and failure ratio.</summary>
    public static void SavePanelsPng(string path, string title, string xLabel, IReadOnlyList<Series> panels, int panelWidth = 560, int panelHeight = 340)
    {
        int cols = panels.Count <= 1 ? 1 : 2, rows = (panels.Count + cols - 1) / cols;
        var multiplot = new ScottPlot.Multiplot();
        while (multiplot.Subplots.Count > 0) multiplot.Subplots.RemoveAt(0); // it starts with one empty plot
        foreach (var s in panels)
        {
            var plot = new ScottPlot.Plot();
            plot.Add.Scatter(s.X.ToArray(), s.Y.ToArray());
            plot.Title($"{title}: {s.Label}", size: 12);
            plot.XLabel(xLabel);
            plot.YLabel(s.Label);
            multiplot.AddPlot(plot);
        }
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(rows, cols);
        AtomicFile.WriteAllBytes(path, multiplot.Render(cols * panelWidth, rows * panelHeight).GetImageBytes(ImageFormat.Png, 100));
    }
}
