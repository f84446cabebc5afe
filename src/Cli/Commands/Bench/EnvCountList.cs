using System.Globalization;
using GpuTwin.Cli.Common;

namespace GpuTwin.Cli.Commands.Bench;

/// <summary>Parses <c>--envs 1,64,1024</c>: comma-separated batch sizes, returned ascending without duplicates.</summary>
public static class EnvCountList
{
    public const int Min = 1, Max = 1 << 22;
    public static string Allowed => $"comma-separated integers in [{Min}, {Max}], e.g. 1,64,1024";

    /// <exception cref="UsageException">A value is not an integer or is out of range (one line naming --envs).</exception>
    public static IReadOnlyList<int> Parse(string text)
    {
        var parts = (text ?? "").Split(',', StringSplitOptions.TrimEntries);
        if (parts.All(p => p.Length == 0)) throw new UsageException($"--envs: no value given; allowed: {Allowed}");
        var values = new SortedSet<int>();
        foreach (var p in parts)
        {
            if (!long.TryParse(p, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v))
                throw new UsageException($"--envs: '{p}' is not an integer; allowed: {Allowed}");
            if (v < Min || v > Max)
                throw new UsageException($"--envs: {v} is out of range; allowed: {Allowed}");
            values.Add((int)v);
        }
        return values.ToList();
    }
}
