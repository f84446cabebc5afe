using System.Buffers.Binary;
using System.Text;

namespace GpuTwin.Training.Runs;

/// <summary>
/// Writes scalars to a TensorBoard event file (<c>events.out.tfevents.&lt;time&gt;.&lt;host&gt;.&lt;pid&gt;.&lt;n&gt;</c>) in
/// <see cref="RunDirectory.TensorBoardDir"/>. Each process writes a new file; TensorBoard reads all files of the directory.
/// </summary>
/// <remarks>
/// The format is written directly: TFRecord framing (u64 length, masked CRC-32C of the length, the record, masked CRC-32C
/// of the record) around hand-encoded <c>tensorflow.Event</c> protobufs (wall_time, step, file_version or
/// summary { value { tag, simple_value } } or session_log). TorchSharp 0.107's SummaryWriter also works here, but it takes
/// an <c>int</c> step (env-step counts of long runs pass 2^31), stores wall time in whole seconds (and DateTime ticks in
/// the file-version record), reopens the file for every scalar, and cannot write the purge marker used on resume.
/// Every record is flushed to the OS as it is written, so a crash loses at most the record being written (TensorBoard
/// ignores a truncated last record).
/// </remarks>
public sealed class TensorBoardLog : IDisposable
{
    private static int s_fileCounter;
    private readonly object _gate = new();
    private FileStream? _file;

    /// <summary>Starts a new event file in <paramref name="dir"/> (created if needed).</summary>
    public TensorBoardLog(string dir) : this(dir, null) { }

    /// <summary>
    /// Starts a new event file; with <paramref name="purgeStep"/> (on resume: the checkpoint's step + 1) it first writes a
    /// SessionLog START at that step, which makes TensorBoard discard events with step &gt;= purgeStep from earlier files,
    /// i.e. what a crashed run logged after its last checkpoint.
    /// </summary>
    public TensorBoardLog(string dir, long? purgeStep)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dir);
        Directory.CreateDirectory(dir);
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        string host = new(Environment.MachineName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
        FilePath = Path.Combine(Path.GetFullPath(dir),
            $"events.out.tfevents.{now}.{host}.{Environment.ProcessId}.{Interlocked.Increment(ref s_fileCounter)}");
        _file = new FileStream(FilePath, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 14);
        var ev = new ProtoWriter();
        ev.Double(1, WallTime());
        ev.Bytes(3, "brain.Event:2"u8);
        WriteRecord(ev.ToArray());
        if (purgeStep is long p)
        {
            var sessionLog = new ProtoWriter();
            sessionLog.Varint(1, 1); // status = START
            var e = new ProtoWriter();
            e.Double(1, WallTime());
            e.Varint(2, (ulong)p);
            e.Bytes(6, sessionLog.ToArray());
            WriteRecord(e.ToArray());
        }
        _file.Flush();
    }

    /// <summary>The event file this instance writes.</summary>
    public string FilePath { get; }

    /// <summary>Records <paramref name="value"/> (stored as float32, as TensorBoard does) for <paramref name="tag"/> at <paramref name="step"/>.</summary>
    public void Scalar(string tag, double value, long step)
    {
        ArgumentException.ThrowIfNullOrEmpty(tag);
        var v = new ProtoWriter();
        v.Bytes(1, Encoding.UTF8.GetBytes(tag));
        v.Float(2, (float)value);
        var summary = new ProtoWriter();
        summary.Bytes(1, v.ToArray());
        var ev = new ProtoWriter();
        ev.Double(1, WallTime());
        ev.Varint(2, (ulong)step);
        ev.Bytes(5, summary.ToArray());
        lock (_gate)
        {
            WriteRecord(ev.ToArray());
            _file!.Flush();
        }
    }

    /// <summary>Flushes the event file to disk.</summary>
    public void Flush()
    {
        lock (_gate) (_file ?? throw new ObjectDisposedException(nameof(TensorBoardLog))).Flush(flushToDisk: true);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_file is null) return;
            try { _file.Flush(flushToDisk: true); }
            finally { _file.Dispose(); _file = null; }
        }
    }

    private static double WallTime() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;

    private void WriteRecord(byte[] data)
    {
        FileStream f = _file ?? throw new ObjectDisposedException(nameof(TensorBoardLog));
        var buf = new byte[8 + 4 + data.Length + 4];
        BinaryPrimitives.WriteUInt64LittleEndian(buf, (ulong)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(buf.AsSpan(8), Crc32C.Masked(buf.AsSpan(0, 8)));
        data.CopyTo(buf, 12);
        BinaryPrimitives.WriteUInt32LittleEndian(buf.AsSpan(12 + data.Length), Crc32C.Masked(data));
        f.Write(buf); // one write per record
    }

    /// <summary>The few protobuf wire-format pieces an Event needs.</summary>
    private sealed class ProtoWriter
    {
        private readonly MemoryStream _ms = new();

        public void Varint(int field, ulong value) { Key(field, 0); Raw(value); }

        public void Double(int field, double value)
        {
            Key(field, 1);
            Span<byte> b = stackalloc byte[8];
            BinaryPrimitives.WriteDoubleLittleEndian(b, value);
            _ms.Write(b);
        }

        public void Float(int field, float value)
        {
            Key(field, 5);
            Span<byte> b = stackalloc byte[4];
            BinaryPrimitives.WriteSingleLittleEndian(b, value);
            _ms.Write(b);
        }

        public void Bytes(int field, ReadOnlySpan<byte> value)
        {
            Key(field, 2);
            Raw((ulong)value.Length);
            _ms.Write(value);
        }

        public byte[] ToArray() => _ms.ToArray();

        private void Key(int field, int wireType) => Raw((ulong)((field << 3) | wireType));

        private void Raw(ulong v)
        {
            while (v >= 0x80) { _ms.WriteByte((byte)(v | 0x80)); v >>= 7; }
            _ms.WriteByte((byte)v);
        }
    }
}
