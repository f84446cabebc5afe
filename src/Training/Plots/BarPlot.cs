using GpuTwin.Training.IO;

namespace GpuTwin.Training.Plots;

/// <summary>Bar charts saved as PNG (ScottPlot), written atomically like <see cref="LinePlot"/>.</summary>
public static class BarPlot
{
    public static void SavePng(string path, string title, string yLabel, IReadOnlyList<(string Label, double Value)> bars, int width = 900, int height = 540)
    {
        var plot = new ScottPlot.Plot();
        var values = bars.Select(b => double.IsFinite(b.Value) ? b.Value : 0).ToArray();
        plot.Add.Bars(values);
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, bars.Count).Select(i => (double)i).ToArray(), bars.Select(b => b.Label).ToArray());
        plot.Title(title);
        plot.YLabel(yLabel);
        AtomicFile.WriteAllBytes(path, plot.GetImageBytes(width, height, ScottPlot.ImageFormat.Png));
    }
}
