using System.Buffers.Binary;
using System.Text;
using GpuTwin.Training.Runs;

namespace GpuTwin.Tests.Training.Runs;

public class TensorBoardLogTests
{
    [Fact]
    public void Crc32C_ReferenceImplementation_MatchesTheStandardCheckValue()
        => Assert.Equal(0xE3069283u, Crc32CBitwise(Encoding.ASCII.GetBytes("123456789")));

    [Fact]
    public void Scalars_AreWrittenAsValidTfRecordEvents()
    {
        using var tmp = new TempDir();
        string dir = tmp.File("tensorboard");
        long bigStep = 5_000_000_000L; // past int.MaxValue: env steps of a long run
        string file;
        using (var tb = new TensorBoardLog(dir))
        {
            tb.Scalar("reward/mean", 1.25, 10);
            tb.Scalar("loss/policy", -0.5, 20);
            tb.Flush();
            tb.Scalar("reward/mean", 3.5, bigStep);
            file = tb.FilePath;
        }

        string only = Assert.Single(Directory.GetFiles(dir));
        Assert.Equal(file, only);
        Assert.StartsWith("events.out.tfevents.", Path.GetFileName(only));
        Assert.True(new FileInfo(only).Length > 0);

        var events = ReadEvents(File.ReadAllBytes(only));
        Assert.Equal(4, events.Count);
        Assert.Equal("brain.Event:2", events[0].FileVersion);
        double now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.InRange(events[0].WallTime, now - 600, now + 60); // seconds since the epoch

        Assert.Equal(("reward/mean", 10L, 1.25f), (events[1].Tag, events[1].Step, events[1].Value));
        Assert.Equal(("loss/policy", 20L, -0.5f), (events[2].Tag, events[2].Step, events[2].Value));
        Assert.Equal(("reward/mean", bigStep, 3.5f), (events[3].Tag, events[3].Step, events[3].Value));
        Assert.All(events.Skip(1), e => Assert.InRange(e.WallTime, now - 600, now + 60));
    }

    [Fact]
    public void Resume_WritesASecondFile_StartingWithAPurgeMarker()
    {
        using var tmp = new TempDir();
        using (var first = new TensorBoardLog(tmp.Path)) first.Scalar("r", 1, 100);
        using (var second = new TensorBoardLog(tmp.Path, purgeStep: 51)) second.Scalar("r", 2, 51);

        var files = Directory.GetFiles(tmp.Path);
        Assert.Equal(2, files.Length);
        var events = files.Select(f => ReadEvents(File.ReadAllBytes(f))).Single(e => e.Count == 3);
        Assert.Equal((1, 51L), (events[1].SessionLogStatus, events[1].Step)); // SessionLog.START at the purge step
        Assert.Equal(("r", 51L, 2f), (events[2].Tag, events[2].Step, events[2].Value));
    }

    private sealed record Event(double WallTime, long Step, string? FileVersion, string? Tag, float? Value, int? SessionLogStatus);

    /// <summary>An independent reader: TFRecord framing with masked CRC-32C checks, then the Event protobuf fields.</summary>
    private static List<Event> ReadEvents(byte[] bytes)
    {
        var events = new List<Event>();
        int pos = 0;
        while (pos < bytes.Length)
        {
            Assert.True(bytes.Length - pos >= 12, "truncated record header");
            ulong len = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(pos));
            Assert.Equal(MaskedCrc(bytes.AsSpan(pos, 8)), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(pos + 8)));
            pos += 12;
            var data = bytes.AsSpan(pos, (int)len);
            pos += (int)len;
            Assert.Equal(MaskedCrc(data), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(pos)));
            pos += 4;
            events.Add(ParseEvent(data.ToArray()));
        }
        return events;
    }

    private static Event ParseEvent(byte[] data)
    {
        double wall = 0; long step = 0; string? version = null, tag = null; float? value = null; int? status = null;
        foreach (var (field, wire, v, payload) in Fields(data))
        {
            switch (field)
            {
                case 1: Assert.Equal(1, wire); wall = BitConverter.Int64BitsToDouble((long)v); break;
                case 2: Assert.Equal(0, wire); step = (long)v; break;
                case 3: version = Encoding.UTF8.GetString(payload!); break;
                case 5: // Summary
                    foreach (var (sf, _, _, sv) in Fields(payload!))
                    {
                        Assert.Equal(1, sf); // Summary.value
                        foreach (var (vf, vw, vv, vp) in Fields(sv!))
                        {
                            if (vf == 1) tag = Encoding.UTF8.GetString(vp!);
                            if (vf == 2) { Assert.Equal(5, vw); value = BitConverter.Int32BitsToSingle((int)vv); }
                        }
                    }
                    break;
                case 6: // SessionLog
                    foreach (var (lf, _, lv, _) in Fields(payload!)) if (lf == 1) status = (int)lv;
                    break;
            }
        }
        return new Event(wall, step, version, tag, value, status);
    }

    private static IEnumerable<(int Field, int Wire, ulong Value, byte[]? Payload)> Fields(byte[] msg)
    {
        int pos = 0;
        while (pos < msg.Length)
        {
            ulong key = Varint(msg, ref pos);
            int field = (int)(key >> 3), wire = (int)(key & 7);
            switch (wire)
            {
                case 0: yield return (field, wire, Varint(msg, ref pos), null); break;
                case 1: yield return (field, wire, BinaryPrimitives.ReadUInt64LittleEndian(msg.AsSpan(pos)), null); pos += 8; break;
                case 5: yield return (field, wire, BinaryPrimitives.ReadUInt32LittleEndian(msg.AsSpan(pos)), null); pos += 4; break;
                case 2:
                    int n = (int)Varint(msg, ref pos);
                    yield return (field, wire, 0, msg[pos..(pos + n)]);
                    pos += n;
                    break;
                default: throw new InvalidDataException($"wire type {wire}");
            }
        }
    }

    private static ulong Varint(byte[] b, ref int pos)
    {
        ulong v = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte x = b[pos++];
            v |= (ulong)(x & 0x7f) << shift;
            if (x < 0x80) return v;
        }
    }

    private static uint MaskedCrc(ReadOnlySpan<byte> data)
    {
        uint c = Crc32CBitwise(data);
        return ((c >> 15) | (c << 17)) + 0xa282ead8u;
    }

    private static uint Crc32CBitwise(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFFu;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F63B78u : crc >> 1;
        }
        return ~crc;
    }
}
