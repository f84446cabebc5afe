using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GpuTwin.Training.Tabular;

/// <summary>The fully resolved configuration of a tabular training run, written to config.json.</summary>
public sealed record TabularTrainConfig
{
    /// <summary>The config.json marker that tells a tabular run from a PPO run.</summary>
    public const string TrainerName = "tabular";

    public string Trainer { get; init; } = TrainerName;
    public required string Scenario { get; init; }
    public string? Profile { get; init; }
    /// <summary>Env parameter overrides as given (key → value text), applied after the profile.</summary>
    public required IReadOnlyDictionary<string, string> Env { get; init; }
    /// <summary>Every env parameter's resolved value (for the record).</summary>
    public IReadOnlyDictionary<string, string> EnvResolved { get; init; } = new Dictionary<string, string>();
    public required TabularOptions Algo { get; init; }
    public required string Preset { get; init; }
    /// <summary>Envs of the batch: independent training runs (one table each).</summary>
    public required int Envs { get; init; }
    public required ulong Seed { get; init; }
    public required string Device { get; init; }
    /// <summary>Write checkpoints/latest.ckpt every this many episodes (and at the end and on Ctrl-C).</summary>
    public int CheckpointEvery { get; init; } = 50;

    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    /// <summary>Hash of what determines the tables and the learning problem; a table checkpoint must match it.</summary>
    public string Hash()
    {
        var core = this with { Device = "", CheckpointEvery = 0, EnvResolved = new Dictionary<string, string>() };
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(core, Json)));
        return Convert.ToHexString(bytes)[..16];
    }

    /// <summary>True when a run directory's config.json was written by a tabular run.</summary>
    public static bool IsTabularConfig(string configPath)
    {
        if (!File.Exists(configPath)) return false; // the run-directory checks report what is missing
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(configPath), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty(nameof(Trainer), out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == TrainerName;
        }
        catch (JsonException)
        {
            return false; // the PPO reader reports the malformed file with its position
        }
    }
}
