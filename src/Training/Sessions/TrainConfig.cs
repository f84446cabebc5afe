using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using GpuTwin.Training.Ppo;

namespace GpuTwin.Training.Sessions;

/// <summary>The fully resolved configuration of a training run, written to config.json.</summary>
public sealed record TrainConfig
{
    public required string Scenario { get; init; }
    public string? Profile { get; init; }
    /// <summary>Env parameter overrides as given (key → value text), applied after the profile.</summary>
    public required IReadOnlyDictionary<string, string> Env { get; init; }
    /// <summary>Every env parameter's resolved value (for the record; the overrides above are what is applied).</summary>
    public IReadOnlyDictionary<string, string> EnvResolved { get; init; } = new Dictionary<string, string>();
    public required PpoOptions Algo { get; init; }
    public required string Preset { get; init; }
    public required int Envs { get; init; }
    /// <summary>Slots per env; the run does ceil(Steps / RolloutSteps) iterations.</summary>
    public required long Steps { get; init; }
    public required ulong Seed { get; init; }
    public required string Device { get; init; }
    /// <summary>Write checkpoints/latest.ckpt every this many iterations (and at the end and on Ctrl-C).</summary>
    public int CheckpointEvery { get; init; } = 10;

    public int Iterations => (int)((Steps + Algo.RolloutSteps - 1) / Algo.RolloutSteps);

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Hash of what determines the networks' shapes and the learning problem; a resume must match it.</summary>
    public string Hash()
    {
        var core = this with { Steps = 0, Device = "", CheckpointEvery = 0, EnvResolved = new Dictionary<string, string>() };
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(core, Json)));
        return Convert.ToHexString(bytes)[..16];
    }
}
