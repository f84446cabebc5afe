using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using GpuTwin.Training.IO;
using GpuTwin.Training.Runs;

namespace GpuTwin.Training.Tabular;

/// <summary>What a table checkpoint records besides the arrays: the learner, the table shape and the run's config hash.</summary>
public sealed record QTableHeader(TabularAlgo Algorithm, int Envs, int States, int Contexts, int Actions, int Episodes, string ConfigHash);

/// <summary>A table checkpoint that cannot be used; the message names the file and says why.</summary>
public sealed class QTableFileException(string message) : Exception(message);

/// <summary>
/// The learned tables of a tabular run in one file.
/// </summary>
/// <remarks>
/// Layout (little-endian):
/// <code>
/// "GPTWQTAB"  8-byte magic
/// int32       format version (1)
/// int64       payload length N
/// N bytes     payload: string QTableHeader as JSON (BinaryWriter's length-prefixed UTF-8), then
///             float32 Q [E·S·C·A], int32 N [E·S·C], uint8 visited [E·S·C·A]
/// uint32      CRC-32C of the payload
/// </code>
/// Saving writes <c>&lt;path&gt;.tmp</c>, flushes it and renames it over <c>path</c> (<see cref="AtomicFile"/>);
/// loading checks magic, version, length, checksum, config hash and shapes before returning anything.
/// </remarks>
public static class QTableFile
{
    public const int FormatVersion = 1;
    private const int HeaderLength = 8 + 4 + 8, TrailerLength = 4;
    private static ReadOnlySpan<byte> Magic => "GPTWQTAB"u8;
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public static void Save(string path, QTableHeader header, float[] q, int[] counts, byte[] visited)
    {
        CheckShapes(path, header, q.Length, counts.Length, visited.Length);
        using var payload = new MemoryStream();
        using (var w = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(JsonSerializer.Serialize(header, Json));
            w.Write(MemoryMarshal.AsBytes(q.AsSpan()));
            w.Write(MemoryMarshal.AsBytes(counts.AsSpan()));
            w.Write(visited);
        }
        byte[] body = payload.ToArray();
        AtomicFile.Write(path, s =>
        {
            Span<byte> head = stackalloc byte[HeaderLength];
            Magic.CopyTo(head);
            BinaryPrimitives.WriteInt32LittleEndian(head[8..], FormatVersion);
            BinaryPrimitives.WriteInt64LittleEndian(head[12..], body.Length);
            s.Write(head);
            s.Write(body);
            Span<byte> crc = stackalloc byte[TrailerLength];
            BinaryPrimitives.WriteUInt32LittleEndian(crc, Crc32C.Compute(body));
            s.Write(crc);
        });
    }

    /// <param name="configHash">The run's config hash; null skips the check.</param>
    public static (QTableHeader Header, float[] Q, int[] Counts, byte[] Visited) Load(string path, string? configHash)
    {
        if (!File.Exists(path)) throw new QTableFileException($"{path}: table checkpoint not found");
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length < HeaderLength + TrailerLength || !bytes.AsSpan(0, 8).SequenceEqual(Magic))
            throw new QTableFileException($"{path}: not a tabular checkpoint (magic GPTWQTAB missing)");
        int version = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
        if (version != FormatVersion) throw new QTableFileException($"{path}: format version {version}; this build reads version {FormatVersion}");
        long length = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(12));
        if (length < 0 || length != bytes.Length - HeaderLength - TrailerLength)
            throw new QTableFileException($"{path}: truncated or padded (payload length {length}, file {bytes.Length} bytes)");
        var body = bytes.AsSpan(HeaderLength, (int)length);
        uint stored = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(HeaderLength + (int)length));
        if (Crc32C.Compute(body) != stored) throw new QTableFileException($"{path}: checksum mismatch (the file is damaged)");

        using var r = new BinaryReader(new MemoryStream(bytes, HeaderLength, (int)length), Encoding.UTF8);
        var header = JsonSerializer.Deserialize<QTableHeader>(r.ReadString(), Json)
            ?? throw new QTableFileException($"{path}: empty header");
        if (configHash != null && header.ConfigHash != configHash)
            throw new QTableFileException($"{path}: written for config {header.ConfigHash}, the run's config.json hashes to {configHash}");
        long table = (long)header.Envs * header.States * header.Contexts * header.Actions;
        long countLength = (long)header.Envs * header.States * header.Contexts;
        if (table <= 0 || table > int.MaxValue || r.BaseStream.Length - r.BaseStream.Position != table * 5 + countLength * 4)
            throw new QTableFileException($"{path}: header shape {header.Envs}x{header.States}x{header.Contexts}x{header.Actions} does not match the payload");
        var q = new float[table];
        var counts = new int[countLength];
        r.Read(MemoryMarshal.AsBytes(q.AsSpan()));
        r.Read(MemoryMarshal.AsBytes(counts.AsSpan()));
        byte[] visited = r.ReadBytes((int)table);
        return (header, q, counts, visited);
    }

    private static void CheckShapes(string path, QTableHeader h, int q, int counts, int visited)
    {
        long table = (long)h.Envs * h.States * h.Contexts * h.Actions;
        if (q != table || visited != table || counts != (long)h.Envs * h.States * h.Contexts)
            throw new ArgumentException($"{path}: arrays ({q}, {counts}, {visited}) do not match the header shape {h.Envs}x{h.States}x{h.Contexts}x{h.Actions}");
    }
}
