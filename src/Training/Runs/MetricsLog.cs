using GpuTwin.Training.IO;
using System.Globalization;
using System.Text;

namespace GpuTwin.Training.Runs;

/// <summary>
/// metrics.csv: a header line, then one row per training iteration; the first column is always <c>iteration</c>.
/// Rows are appended and flushed one at a time, so a crash loses at most the row being written. Cells use the
/// invariant culture (shortest round-trip doubles; NaN / Infinity / -Infinity as such); a missing value is an empty cell.
/// </summary>
public sealed class MetricsLog : IDisposable
{
    public const string IterationColumn = "iteration";

    private readonly object _gate = new();
    private readonly string _path;
    private readonly string[] _columns;
    private readonly Dictionary<string, int> _index;
    private FileStream? _stream;

    private MetricsLog(string path, string[] columns, FileStream stream)
    {
        _path = path;
        _columns = columns;
        _index = columns.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        _stream = stream;
    }

    /// <summary>The columns of the file, <c>iteration</c> first.</summary>
    public IReadOnlyList<string> Columns => _columns;

    /// <summary>
    /// Opens (or creates) metrics.csv with <paramref name="columns"/> (<c>iteration</c> is put first if not already there).
    /// Rows of an existing file are kept byte for byte, except that an incomplete last line (a crash mid-row) is dropped
    /// and, when <paramref name="keepUpToIteration"/> is given (resume: the checkpoint's iteration), every row with a
    /// larger iteration is dropped, so the CSV matches the checkpoint. Such a rewrite is atomic.
    /// </summary>
    /// <exception cref="RunDirectoryException">The existing header differs (the message names the columns), or a row is unreadable.</exception>
    public static MetricsLog Open(string path, IReadOnlyList<string> columns, long? keepUpToIteration = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(columns);
        string full = Path.GetFullPath(path);
        string[] cols = NormaliseColumns(columns);
        string header = string.Join(',', cols) + "\n";

        if (File.Exists(full))
        {
            byte[] bytes = File.ReadAllBytes(full);
            List<(int Start, int Length)> lines = SplitLines(bytes, out bool partialLast);
            if (lines.Count == 0)
            {
                // Empty, or only a partial header: nothing was ever logged. Start over.
                AtomicFile.WriteAllBytes(full, Encoding.UTF8.GetBytes(header));
            }
            else
            {
                string[] existing = LineText(bytes, lines[0]).Split(',');
                CheckHeader(full, existing, cols);
                var kept = new List<(int Start, int Length)> { lines[0] };
                for (int i = 1; i < lines.Count; i++)
                {
                    string text = LineText(bytes, lines[i]);
                    if (text.Length == 0) { kept.Add(lines[i]); continue; }
                    int comma = text.IndexOf(',');
                    string first = comma < 0 ? text : text[..comma];
                    if (!long.TryParse(first, NumberStyles.Integer, CultureInfo.InvariantCulture, out long iteration))
                        throw new RunDirectoryException($"{full}, line {i + 1}: '{first}' is not an iteration number.");
                    if (keepUpToIteration is long keep && iteration > keep) continue;
                    kept.Add(lines[i]);
                }
                if (partialLast || kept.Count != lines.Count)
                {
                    using var ms = new MemoryStream(bytes.Length);
                    foreach (var (start, length) in kept) ms.Write(bytes, start, length);
                    AtomicFile.WriteAllBytes(full, ms.GetBuffer().AsSpan(0, (int)ms.Length));
                }
            }
        }
        else
        {
            AtomicFile.WriteAllBytes(full, Encoding.UTF8.GetBytes(header));
        }

        var stream = new FileStream(full, FileMode.Append, FileAccess.Write, FileShare.Read, 4096);
        return new MetricsLog(full, cols, stream);
    }

    /// <summary>Appends one row and flushes it. Columns without a value get an empty cell.</summary>
    /// <exception cref="ArgumentException">A value names a column this log does not have.</exception>
    public void Append(long iteration, IReadOnlyDictionary<string, double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var unknown = values.Keys.Where(k => !_index.ContainsKey(k)).ToList(); // an "iteration" entry is ignored
        if (unknown.Count > 0)
            throw new ArgumentException(
                $"Not columns of {_path}: {string.Join(", ", unknown)} (columns: {string.Join(", ", _columns.Skip(1))}).", nameof(values));

        var sb = new StringBuilder(16 * _columns.Length);
        sb.Append(iteration.ToString(CultureInfo.InvariantCulture));
        for (int i = 1; i < _columns.Length; i++)
        {
            sb.Append(',');
            if (values.TryGetValue(_columns[i], out double v)) sb.Append(v.ToString("R", CultureInfo.InvariantCulture));
        }
        sb.Append('\n');
        byte[] line = Encoding.UTF8.GetBytes(sb.ToString());
        lock (_gate)
        {
            FileStream s = _stream ?? throw new ObjectDisposedException(nameof(MetricsLog));
            s.Write(line);
            s.Flush();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_stream is null) return;
            try { _stream.Flush(flushToDisk: true); }
            finally { _stream.Dispose(); _stream = null; }
        }
    }

    /// <summary>Reads every complete row (an incomplete last line is ignored). Empty cells are left out of a row's dictionary.</summary>
    /// <exception cref="RunDirectoryException">Missing file or an unreadable cell (the message names the line and column).</exception>
    public static IReadOnlyList<IReadOnlyDictionary<string, double>> Read(string path) => ReadTable(path).Rows;

    internal static (IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyDictionary<string, double>> Rows) ReadTable(string path)
    {
        string full = Path.GetFullPath(path);
        byte[] bytes;
        try
        {
            using var fs = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var ms = new MemoryStream();
            fs.CopyTo(ms);
            bytes = ms.ToArray();
        }
        catch (FileNotFoundException) { throw new RunDirectoryException($"Metrics file {full} does not exist."); }
        catch (DirectoryNotFoundException) { throw new RunDirectoryException($"Metrics file {full} does not exist."); }

        var lines = SplitLines(bytes, out _);
        if (lines.Count == 0) return ([], []);
        string[] header = LineText(bytes, lines[0]).Split(',');
        var rows = new List<IReadOnlyDictionary<string, double>>(lines.Count - 1);
        for (int i = 1; i < lines.Count; i++)
        {
            string text = LineText(bytes, lines[i]);
            if (text.Length == 0) continue;
            string[] cells = text.Split(',');
            if (cells.Length != header.Length)
                throw new RunDirectoryException($"{full}, line {i + 1}: {cells.Length} cells, but the header has {header.Length} columns.");
            var row = new Dictionary<string, double>(cells.Length, StringComparer.Ordinal);
            for (int c = 0; c < cells.Length; c++)
            {
                if (cells[c].Length == 0) continue;
                if (!double.TryParse(cells[c], NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
                    throw new RunDirectoryException($"{full}, line {i + 1}, column '{header[c]}': '{cells[c]}' is not a number.");
                row[header[c]] = v;
            }
            rows.Add(row);
        }
        return (header, rows);
    }

    private static string[] NormaliseColumns(IReadOnlyList<string> columns)
    {
        var cols = new List<string>(columns.Count + 1);
        if (columns.Count == 0 || columns[0] != IterationColumn) cols.Add(IterationColumn);
        cols.AddRange(columns);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string c in cols)
        {
            if (string.IsNullOrWhiteSpace(c) || c.IndexOfAny([',', '"', '\n', '\r']) >= 0 || c.Trim() != c)
                throw new ArgumentException($"Invalid metrics column name '{c}' (no commas, quotes, line breaks or surrounding spaces).", nameof(columns));
            if (!seen.Add(c))
                throw new ArgumentException(
                    c == IterationColumn ? "'iteration' must be the first column and appear once." : $"Duplicate metrics column '{c}'.", nameof(columns));
        }
        return cols.ToArray();
    }

    private static void CheckHeader(string path, string[] existing, string[] wanted)
    {
        if (existing.SequenceEqual(wanted, StringComparer.Ordinal)) return;
        var missing = wanted.Except(existing, StringComparer.Ordinal).ToList();
        var extra = existing.Except(wanted, StringComparer.Ordinal).ToList();
        var parts = new List<string>();
        if (missing.Count > 0) parts.Add($"missing from the file: {string.Join(", ", missing)}");
        if (extra.Count > 0) parts.Add($"in the file but not logged by this run: {string.Join(", ", extra)}");
        if (parts.Count == 0)
        {
            var moved = wanted.Where((c, i) => existing[i] != c).ToList();
            parts.Add($"same columns in a different order ({string.Join(", ", moved)})");
        }
        throw new RunDirectoryException(
            $"{path} has different columns than this run logs: {string.Join("; ", parts)}. " +
            $"File header: {string.Join(",", existing)}; expected: {string.Join(",", wanted)}. " +
            "Resume with the same trainer version and config, or start a new run with another --out.");
    }

    /// <summary>Complete lines (each including its '\n'); <paramref name="partialLast"/> tells whether bytes follow the last '\n'.</summary>
    private static List<(int Start, int Length)> SplitLines(byte[] bytes, out bool partialLast)
    {
        var lines = new List<(int, int)>();
        int start = 0;
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != (byte)'\n') continue;
            lines.Add((start, i + 1 - start));
            start = i + 1;
        }
        partialLast = start < bytes.Length;
        return lines;
    }

    private static string LineText(byte[] bytes, (int Start, int Length) line)
    {
        int len = line.Length - 1; // drop '\n'
        if (len > 0 && bytes[line.Start + len - 1] == (byte)'\r') len--;
        return Encoding.UTF8.GetString(bytes, line.Start, len);
    }
}
