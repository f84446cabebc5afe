using System.Text;
using GpuTwin.Training.Runs;

namespace GpuTwin.Tests.Training.Runs;

public class MetricsLogTests
{
    private static readonly string[] Columns = ["env_steps", "reward_mean", "policy_loss"];

    private static Dictionary<string, double> Row(long i) => new()
    {
        ["env_steps"] = i * 4096,
        ["reward_mean"] = 0.1 * i + 1.0 / 3,
        ["policy_loss"] = -0.05 * i,
    };

    [Fact]
    public void Append_ThenRead_RoundTripsExactly_WithEmptyCellsSkipped()
    {
        using var tmp = new TempDir();
        string path = tmp.File("metrics.csv");
        using (var log = MetricsLog.Open(path, Columns))
        {
            Assert.Equal(["iteration", .. Columns], log.Columns);
            for (long i = 1; i <= 3; i++) log.Append(i, Row(i));
            log.Append(4, new Dictionary<string, double> { ["env_steps"] = 16384, ["reward_mean"] = double.NaN });
            // Flushed per row: readable while still open.
            Assert.Equal(4, MetricsLog.Read(path).Count);
        }

        string[] lines = File.ReadAllLines(path);
        Assert.Equal("iteration,env_steps,reward_mean,policy_loss", lines[0]);
        Assert.Equal("4,16384,NaN,", lines[4]);

        var rows = MetricsLog.Read(path);
        Assert.Equal(4, rows.Count);
        for (long i = 1; i <= 3; i++)
        {
            Assert.Equal(i, rows[(int)i - 1]["iteration"]);
            foreach (var (k, v) in Row(i)) Assert.Equal(v, rows[(int)i - 1][k]); // bit-exact round trip
        }
        Assert.False(rows[3].ContainsKey("policy_loss"));
        Assert.True(double.IsNaN(rows[3]["reward_mean"]));
    }

    [Fact]
    public void Append_RejectsUnknownColumns()
    {
        using var tmp = new TempDir();
        using var log = MetricsLog.Open(tmp.File("m.csv"), Columns);
        var ex = Assert.Throws<ArgumentException>(() => log.Append(1, new Dictionary<string, double> { ["entropy"] = 1 }));
        Assert.Contains("entropy", ex.Message);
    }

    [Fact]
    public void Resume_DropsLaterRows_AndKeepsEarlierOnesByteIdentical()
    {
        using var tmp = new TempDir();
        string path = tmp.File("metrics.csv");
        using (var log = MetricsLog.Open(path, Columns))
            for (long i = 1; i <= 6; i++) log.Append(i, Row(i));
        byte[] original = File.ReadAllBytes(path);
        int endOfRow3 = IndexOfNthNewline(original, 4) + 1; // header + 3 rows

        using (var log = MetricsLog.Open(path, Columns, keepUpToIteration: 3))
        {
            Assert.Equal(original[..endOfRow3], File.ReadAllBytes(path));
            log.Append(4, new Dictionary<string, double> { ["env_steps"] = 99 });
        }
        Assert.False(File.Exists(path + ".tmp"));
        byte[] after = File.ReadAllBytes(path);
        Assert.Equal(original[..endOfRow3], after[..endOfRow3]);
        Assert.Equal("4,99,,\n", Encoding.UTF8.GetString(after[endOfRow3..]));

        var rows = MetricsLog.Read(path);
        Assert.Equal([1.0, 2, 3, 4], rows.Select(r => r["iteration"]));
        Assert.Equal(99, rows[3]["env_steps"]);

        // Nothing to drop: file left exactly as it is.
        byte[] now = File.ReadAllBytes(path);
        using (MetricsLog.Open(path, Columns, keepUpToIteration: 10)) { }
        Assert.Equal(now, File.ReadAllBytes(path));
    }

    [Fact]
    public void Reopen_DropsAHalfWrittenLastRow_ThenAppendsCleanly()
    {
        using var tmp = new TempDir();
        string path = tmp.File("metrics.csv");
        using (var log = MetricsLog.Open(path, Columns))
            for (long i = 1; i <= 2; i++) log.Append(i, Row(i));
        byte[] good = File.ReadAllBytes(path);
        File.AppendAllText(path, "3,12288,0.4"); // crash mid-row: no newline

        Assert.Equal(2, MetricsLog.Read(path).Count); // readers ignore the partial line
        using (var log = MetricsLog.Open(path, Columns)) log.Append(3, Row(3));
        byte[] after = File.ReadAllBytes(path);
        Assert.Equal(good, after[..good.Length]);
        Assert.Equal([1.0, 2, 3], MetricsLog.Read(path).Select(r => r["iteration"]));
    }

    [Fact]
    public void HeaderMismatch_NamesTheDifferingColumns()
    {
        using var tmp = new TempDir();
        string path = tmp.File("metrics.csv");
        using (var log = MetricsLog.Open(path, Columns)) log.Append(1, Row(1));
        byte[] before = File.ReadAllBytes(path);

        var ex = Assert.Throws<RunDirectoryException>(() =>
            MetricsLog.Open(path, ["env_steps", "reward_mean", "value_loss"], keepUpToIteration: 0));
        Assert.Contains("value_loss", ex.Message);
        Assert.Contains("policy_loss", ex.Message);
        Assert.Contains(path, ex.Message);
        Assert.Equal(before, File.ReadAllBytes(path)); // nothing dropped on error

        var order = Assert.Throws<RunDirectoryException>(() => MetricsLog.Open(path, ["reward_mean", "env_steps", "policy_loss"]));
        Assert.Contains("order", order.Message);
    }

    [Fact]
    public void Read_ReportsBadCells()
    {
        using var tmp = new TempDir();
        string path = tmp.File("m.csv");
        File.WriteAllText(path, "iteration,x\n1,0.5\n2,abc\n");
        var ex = Assert.Throws<RunDirectoryException>(() => MetricsLog.Read(path));
        Assert.Contains("line 3", ex.Message);
        Assert.Contains("'x'", ex.Message);
    }

    private static int IndexOfNthNewline(byte[] bytes, int n)
    {
        for (int i = 0; i < bytes.Length; i++)
            if (bytes[i] == (byte)'\n' && --n == 0) return i;
        throw new InvalidOperationException();
    }
}
