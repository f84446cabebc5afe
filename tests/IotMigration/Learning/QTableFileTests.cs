using GpuTwin.Tests.Training.Runs;
using GpuTwin.Training.Tabular;

namespace GpuTwin.Tests.IotMigration.Learning;

/// <summary>The table checkpoint: exact round trip, and a clear error for every kind of bad file.</summary>
public class QTableFileTests
{
    private static readonly QTableHeader Header = new(TabularAlgo.Jal, 2, 3, 4, 5, 17, "ABCDEF0123456789");
    private const int Table = 2 * 3 * 4 * 5, Counts = 2 * 3 * 4;

    private static string Write(TempDir dir)
    {
        var q = Enumerable.Range(0, Table).Select(i => i * 0.5f - 3f).ToArray();
        var n = Enumerable.Range(0, Counts).ToArray();
        var v = Enumerable.Range(0, Table).Select(i => (byte)(i % 2)).ToArray();
        string path = dir.File("latest.ckpt");
        QTableFile.Save(path, Header, q, n, v);
        return path;
    }

    [Fact]
    public void RoundTrip_IsExact()
    {
        using var dir = new TempDir();
        string path = Write(dir);
        var (h, q, n, v) = QTableFile.Load(path, Header.ConfigHash);
        Assert.Equal(Header, h);
        Assert.Equal(Enumerable.Range(0, Table).Select(i => i * 0.5f - 3f), q);
        Assert.Equal(Enumerable.Range(0, Counts), n);
        Assert.Equal(Enumerable.Range(0, Table).Select(i => (byte)(i % 2)), v);
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public void DamagedTruncatedForeignOrMismatchedFiles_AreRefusedWithTheReason()
    {
        using var dir = new TempDir();
        string path = Write(dir);
        byte[] good = File.ReadAllBytes(path);

        var flipped = (byte[])good.Clone();
        flipped[good.Length / 2] ^= 0x10;
        File.WriteAllBytes(path, flipped);
        Assert.Contains("checksum", Assert.Throws<QTableFileException>(() => QTableFile.Load(path, null)).Message);

        File.WriteAllBytes(path, good[..^7]);
        Assert.Contains("truncated", Assert.Throws<QTableFileException>(() => QTableFile.Load(path, null)).Message);

        File.WriteAllBytes(path, "GPTWCKPT"u8.ToArray().Concat(good[8..]).ToArray());
        Assert.Contains("not a tabular checkpoint", Assert.Throws<QTableFileException>(() => QTableFile.Load(path, null)).Message);

        File.WriteAllBytes(path, good);
        Assert.Contains("hashes to 0000", Assert.Throws<QTableFileException>(() => QTableFile.Load(path, "0000")).Message);
        Assert.Contains("not found", Assert.Throws<QTableFileException>(() => QTableFile.Load(dir.File("none.ckpt"), null)).Message);
        Assert.Throws<ArgumentException>(() => QTableFile.Save(path, Header, new float[3], new int[Counts], new byte[Table]));
    }
}
