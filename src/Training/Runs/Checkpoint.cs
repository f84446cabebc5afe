using GpuTwin.Training.IO;
using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using TorchSharp;
using TorchSharp.Modules;

namespace GpuTwin.Training.Runs;

/// <summary>What a checkpoint records besides tensors. <see cref="Extra"/> holds free-form trainer state (e.g. env RNG seeds).</summary>
public sealed record CheckpointInfo(long Iteration, long EnvSteps, double BestScore, string ConfigHash, IReadOnlyDictionary<string, string> Extra);

/// <summary>A checkpoint file that cannot be used; the message says why.</summary>
public sealed class CheckpointException(string message) : Exception(message);

/// <summary>
/// Single-file training checkpoints: every named module's parameters and buffers, every named optimizer's state
/// (Adam's step counts and moments included), and the torch CPU RNG state.
/// </summary>
/// <remarks>
/// Layout (little-endian):
/// <code>
/// "GPTWCKPT"  8-byte magic
/// int32       format version (1)
/// int64       payload length N
/// N bytes     payload:
///               string  CheckpointInfo as JSON
///               int32   module count; per module: string name, int32 entry count,
///                       per entry: string key, tensor
///               int32   optimizer count; per optimizer: string name, string type, int64 length, that many bytes
///                       of TorchSharp's OptimizerHelper.save_state_dict
///               bool    RNG present; tensor (torch.get_rng_state())
/// uint32      CRC-32C of the payload
/// </code>
/// where a string is .NET BinaryWriter's length-prefixed UTF-8 and a tensor is int32 dtype, int32 rank, int64 per
/// dimension, int64 byte count, raw bytes. Saving writes <c>&lt;path&gt;.tmp</c>, flushes it to disk and renames it
/// over <c>path</c>, so a crash never damages the previous checkpoint. Loading checks everything (magic, version,
/// length, checksum, config hash, names, dtypes, shapes) before it changes any module, and restores the optimizers'
/// previous state if one of them rejects its saved state.
/// </remarks>
public static class Checkpoint
{
    public const int FormatVersion = 1;
    private const int HeaderLength = 8 + 4 + 8;
    private const int TrailerLength = 4;
    private static ReadOnlySpan<byte> Magic => "GPTWCKPT"u8;

    private static readonly JsonSerializerOptions InfoJson = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals, // BestScore starts at -Infinity
    };

    public static void Save(string path, CheckpointInfo info,
        IReadOnlyDictionary<string, torch.nn.Module> modules, IReadOnlyDictionary<string, torch.optim.Optimizer> optimizers)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(modules);
        ArgumentNullException.ThrowIfNull(optimizers);
        TorchRuntime.EnsureLoaded();

        using var payload = new MemoryStream();
        using (var w = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(JsonSerializer.Serialize(info with { Extra = info.Extra ?? new Dictionary<string, string>() }, InfoJson));

            w.Write(modules.Count);
            foreach (var (name, module) in modules)
            {
                ArgumentNullException.ThrowIfNull(module, $"modules[\"{name}\"]");
                Dictionary<string, torch.Tensor> sd = module.state_dict();
                w.Write(name);
                w.Write(sd.Count);
                foreach (var (key, tensor) in sd)
                {
                    w.Write(key);
                    WriteTensor(w, tensor);
                }
            }

            w.Write(optimizers.Count);
            foreach (var (name, optimizer) in optimizers)
            {
                ArgumentNullException.ThrowIfNull(optimizer, $"optimizers[\"{name}\"]");
                if (optimizer is not OptimizerHelper helper)
                    throw new CheckpointException(
                        $"Optimizer '{name}' ({optimizer.GetType().Name}) cannot be checkpointed: only TorchSharp's managed optimizers (Adam, SGD, ...) can save their state.");
                using var ms = new MemoryStream();
                using (var ow = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true)) helper.save_state_dict(ow);
                w.Write(name);
                w.Write(optimizer.GetType().Name);
                w.Write(ms.Length);
                w.Write(ms.GetBuffer(), 0, (int)ms.Length);
            }

            using var rng = torch.get_rng_state();
            w.Write(true);
            WriteTensor(w, rng);
        }

        byte[] header = new byte[HeaderLength];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(8), FormatVersion);
        BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(12), payload.Length);
        ReadOnlySpan<byte> body = payload.GetBuffer().AsSpan(0, (int)payload.Length);
        byte[] trailer = new byte[TrailerLength];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, Crc32C.Compute(body));
        byte[] bodyArray = payload.GetBuffer();
        int bodyLength = (int)payload.Length;
        AtomicFile.Write(path, s =>
        {
            s.Write(header);
            s.Write(bodyArray, 0, bodyLength);
            s.Write(trailer);
        });
    }

    public static CheckpointInfo Load(string path,
        IReadOnlyDictionary<string, torch.nn.Module> modules, IReadOnlyDictionary<string, torch.optim.Optimizer> optimizers,
        string? expectedConfigHash = null)
    {
        ArgumentNullException.ThrowIfNull(modules);
        ArgumentNullException.ThrowIfNull(optimizers);
        TorchRuntime.EnsureLoaded();
        Contents c = Parse(path, infoOnly: false);
        string full = c.Path;

        if (expectedConfigHash is not null && !string.Equals(expectedConfigHash, c.Info.ConfigHash, StringComparison.Ordinal))
            throw new CheckpointException(
                $"{full} was written with a different config: the run's config changed since this checkpoint " +
                $"(checkpoint config hash {c.Info.ConfigHash}, current config hash {expectedConfigHash}). " +
                "Resume with the original config.json, or start a new run with another --out.");

        CheckNames(full, "module", c.Modules.Keys, modules.Keys);
        CheckNames(full, "optimizer", c.Optimizers.Keys, optimizers.Keys);

        // Validate every module entry before touching anything.
        var plan = new List<(torch.Tensor Target, TensorRecord Source)>();
        foreach (var (name, module) in modules)
        {
            Dictionary<string, torch.Tensor> sd = module.state_dict();
            Dictionary<string, TensorRecord> saved = c.Modules[name];
            var missing = sd.Keys.Where(k => !saved.ContainsKey(k)).ToList();
            var extra = saved.Keys.Where(k => !sd.ContainsKey(k)).ToList();
            if (missing.Count > 0 || extra.Count > 0)
            {
                var parts = new List<string>();
                if (missing.Count > 0) parts.Add($"the module has {Quote(missing)} that the checkpoint lacks");
                if (extra.Count > 0) parts.Add($"the checkpoint has {Quote(extra)} that the module lacks");
                throw new CheckpointException(
                    $"{full}: module '{name}' does not match the checkpoint ({string.Join("; ", parts)}). Was the network architecture changed?");
            }
            foreach (var (key, target) in sd)
            {
                TensorRecord src = saved[key];
                if (!src.Shape.SequenceEqual(target.shape))
                    throw new CheckpointException(
                        $"{full}: shape mismatch for '{name}.{key}': checkpoint has {Shape(src.Shape)}, the module has {Shape(target.shape)}. " +
                        "Was the network architecture (layer sizes, observation or action size) changed?");
                if (src.DType != target.dtype)
                    throw new CheckpointException(
                        $"{full}: dtype mismatch for '{name}.{key}': checkpoint has {src.DType}, the module has {target.dtype}.");
                if (src.Length != target.NumberOfElements * target.ElementSize)
                    throw new CheckpointException($"{full} is corrupt: '{name}.{key}' holds {src.Length} bytes for shape {Shape(src.Shape)}.");
                plan.Add((target, src));
            }
        }
        foreach (var (name, optimizer) in optimizers)
        {
            string savedType = c.Optimizers[name].Type;
            if (optimizer is not OptimizerHelper)
                throw new CheckpointException($"Optimizer '{name}' ({optimizer.GetType().Name}) cannot load a checkpoint: only TorchSharp's managed optimizers can.");
            if (savedType != optimizer.GetType().Name)
                throw new CheckpointException($"{full}: optimizer '{name}' is {savedType} in the checkpoint but {optimizer.GetType().Name} now.");
        }

        // Optimizers next (they can still reject their state); undo on failure so nothing is half-loaded.
        var backups = new List<(OptimizerHelper Optimizer, byte[] State)>();
        foreach (var (name, optimizer) in optimizers)
        {
            var helper = (OptimizerHelper)optimizer;
            backups.Add((helper, SaveOptimizer(helper)));
            try
            {
                var (offset, length) = c.Optimizers[name].Range;
                using var reader = new BinaryReader(new MemoryStream(c.Bytes, offset, length, writable: false), Encoding.UTF8);
                helper.load_state_dict(reader);
            }
            catch (Exception ex) when (ex is not CheckpointException)
            {
                foreach (var (o, state) in backups)
                {
                    using var r = new BinaryReader(new MemoryStream(state), Encoding.UTF8);
                    o.load_state_dict(r);
                }
                throw new CheckpointException(
                    $"{full}: the saved state of optimizer '{name}' does not fit it (different parameters or shapes?): {ex.Message}");
            }
        }

        using (torch.no_grad())
        {
            foreach (var (target, src) in plan)
            {
                using var tmp = src.ToTensor(c.Bytes);
                target.copy_(tmp);
            }
        }

        if (c.Rng is TensorRecord rng && rng.DType == torch.ScalarType.Byte)
        {
            using var state = rng.ToTensor(c.Bytes);
            torch.set_rng_state(state);
        }
        return c.Info;
    }

    /// <summary>Reads only the <see cref="CheckpointInfo"/> (after the same integrity checks as <see cref="Load"/>).</summary>
    public static CheckpointInfo ReadInfo(string path) => Parse(path, infoOnly: true).Info;

    private static byte[] SaveOptimizer(OptimizerHelper optimizer)
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true)) optimizer.save_state_dict(w);
        return ms.ToArray();
    }

    private static void WriteTensor(BinaryWriter w, torch.Tensor tensor)
    {
        var owned = new List<torch.Tensor>();
        try
        {
            torch.Tensor t = tensor.detach();
            owned.Add(t);
            if (t.device_type != DeviceType.CPU) { t = t.cpu(); owned.Add(t); }
            if (!t.is_contiguous()) { t = t.contiguous(); owned.Add(t); }
            w.Write((int)t.dtype);
            w.Write(t.shape.Length);
            foreach (long d in t.shape) w.Write(d);
            w.Write(t.NumberOfElements * t.ElementSize);
            w.Flush();
            t.WriteBytesToStream(w.BaseStream, 1 << 16);
        }
        finally
        {
            foreach (var t in owned) t.Dispose();
        }
    }

    private static void CheckNames(string path, string kind, IEnumerable<string> saved, IEnumerable<string> given)
    {
        var savedSet = saved.ToHashSet(StringComparer.Ordinal);
        var givenSet = given.ToHashSet(StringComparer.Ordinal);
        var missing = givenSet.Where(n => !savedSet.Contains(n)).Order(StringComparer.Ordinal).ToList();
        var extra = savedSet.Where(n => !givenSet.Contains(n)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count == 0 && extra.Count == 0) return;
        var parts = new List<string>();
        if (missing.Count > 0) parts.Add($"no {kind} named {Quote(missing)} in the checkpoint");
        if (extra.Count > 0) parts.Add($"the checkpoint has {kind} {Quote(extra)} that was not given");
        throw new CheckpointException(
            $"{path}: {kind}s do not match ({string.Join("; ", parts)}). Checkpoint {kind}s: {Quote(savedSet.Order(StringComparer.Ordinal))}; " +
            $"given: {Quote(givenSet.Order(StringComparer.Ordinal))}.");
    }

    private static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));
    private static string Shape(IEnumerable<long> shape) => "[" + string.Join(", ", shape) + "]";

    private readonly record struct TensorRecord(torch.ScalarType DType, long[] Shape, int Offset, int Length)
    {
        public torch.Tensor ToTensor(byte[] bytes)
        {
            var t = torch.empty(Shape, dtype: DType);
            if (Length > 0) t.bytes = bytes.AsSpan(Offset, Length);
            return t;
        }
    }

    private sealed record Contents(
        string Path, byte[] Bytes, CheckpointInfo Info,
        Dictionary<string, Dictionary<string, TensorRecord>> Modules,
        Dictionary<string, (string Type, (int Offset, int Length) Range)> Optimizers,
        TensorRecord? Rng);

    private static Contents Parse(string path, bool infoOnly)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            string partial = File.Exists(AtomicFile.TempPathFor(full))
                ? $" ({System.IO.Path.GetFileName(AtomicFile.TempPathFor(full))} exists, but it is an incomplete save and is not used)"
                : "";
            throw new CheckpointException($"Checkpoint {full} does not exist{partial}.");
        }
        byte[] bytes = File.ReadAllBytes(full);

        int magicLen = Math.Min(bytes.Length, Magic.Length);
        if (!bytes.AsSpan(0, magicLen).SequenceEqual(Magic[..magicLen]))
            throw new CheckpointException($"{full} is not a GpuTwin checkpoint (wrong magic bytes).");
        if (bytes.Length < HeaderLength + TrailerLength)
            throw new CheckpointException($"{full} is truncated: {bytes.Length} bytes, shorter than a checkpoint header. The save was interrupted or the file was cut short.");

        int version = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
        if (version != FormatVersion)
            throw new CheckpointException(
                $"{full} has checkpoint format version {version}, but this build of GpuTwin reads only version {FormatVersion}" +
                (version > FormatVersion ? " (it was written by a newer GpuTwin)." : "."));

        long payloadLength = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(12));
        long expected = HeaderLength + payloadLength + TrailerLength;
        if (payloadLength < 0 || payloadLength > int.MaxValue)
            throw new CheckpointException($"{full} is corrupt (impossible payload length {payloadLength}).");
        if (bytes.Length < expected)
            throw new CheckpointException(
                $"{full} is truncated: {bytes.Length} bytes, but its header says {expected}. The save was interrupted or the file was cut short.");
        if (bytes.Length > expected)
            throw new CheckpointException($"{full} is corrupt: {bytes.Length - expected} unexpected bytes after the end of the checkpoint.");
        uint crc = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(HeaderLength + (int)payloadLength));
        if (crc != Crc32C.Compute(bytes.AsSpan(HeaderLength, (int)payloadLength)))
            throw new CheckpointException($"{full} is corrupt: checksum mismatch (the file was modified or damaged after it was written).");

        try
        {
            using var ms = new MemoryStream(bytes, HeaderLength, (int)payloadLength, writable: false);
            using var r = new BinaryReader(ms, Encoding.UTF8);
            CheckpointInfo info = JsonSerializer.Deserialize<CheckpointInfo>(r.ReadString(), InfoJson)
                ?? throw new CheckpointException($"{full} is corrupt: no checkpoint info.");
            if (info.Extra is null) info = info with { Extra = new Dictionary<string, string>() };
            if (infoOnly) return new Contents(full, bytes, info, [], [], null);

            var modules = new Dictionary<string, Dictionary<string, TensorRecord>>(StringComparer.Ordinal);
            int moduleCount = r.ReadInt32();
            for (int i = 0; i < moduleCount; i++)
            {
                string name = r.ReadString();
                int entries = r.ReadInt32();
                var sd = new Dictionary<string, TensorRecord>(entries, StringComparer.Ordinal);
                for (int k = 0; k < entries; k++)
                {
                    string key = r.ReadString();
                    sd[key] = ReadTensor(r, full);
                }
                modules[name] = sd;
            }

            var optimizers = new Dictionary<string, (string, (int, int))>(StringComparer.Ordinal);
            int optimizerCount = r.ReadInt32();
            for (int i = 0; i < optimizerCount; i++)
            {
                string name = r.ReadString();
                string type = r.ReadString();
                long length = r.ReadInt64();
                int offset = checked((int)(HeaderLength + ms.Position));
                if (length < 0 || ms.Position + length > ms.Length) throw new EndOfStreamException();
                ms.Position += length;
                optimizers[name] = (type, (offset, (int)length));
            }

            TensorRecord? rng = r.ReadBoolean() ? ReadTensor(r, full) : null;
            return new Contents(full, bytes, info, modules, optimizers, rng);
        }
        catch (Exception ex) when (ex is EndOfStreamException or JsonException or OverflowException or IOException)
        {
            throw new CheckpointException($"{full} is corrupt: {ex.Message}");
        }

        static TensorRecord ReadTensor(BinaryReader r, string full)
        {
            var dtype = (torch.ScalarType)r.ReadInt32();
            int rank = r.ReadInt32();
            if (rank < 0 || rank > 64) throw new CheckpointException($"{full} is corrupt (tensor rank {rank}).");
            var shape = new long[rank];
            for (int d = 0; d < rank; d++) shape[d] = r.ReadInt64();
            long length = r.ReadInt64();
            var ms = (MemoryStream)r.BaseStream;
            if (length < 0 || ms.Position + length > ms.Length) throw new EndOfStreamException();
            int offset = checked((int)(HeaderLength + ms.Position));
            ms.Position += length;
            return new TensorRecord(dtype, shape, offset, (int)length);
        }
    }
}
