using GpuTwin.Training.IO;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GpuTwin.Training.Runs;

/// <summary>A run directory problem the user can fix (wrong path, existing run, malformed file).</summary>
public sealed class RunDirectoryException(string message) : Exception(message);

/// <summary>
/// The on-disk layout of one <c>gputwin train</c> run:
/// <code>
/// &lt;run&gt;/config.json            the full training config (written once, atomically)
/// &lt;run&gt;/metrics.csv            one row per iteration (see <see cref="MetricsLog"/>)
/// &lt;run&gt;/tensorboard/           TensorBoard event files (see <see cref="TensorBoardLog"/>)
/// &lt;run&gt;/checkpoints/latest.ckpt the checkpoint to resume from (see <see cref="Checkpoint"/>)
/// &lt;run&gt;/checkpoints/best.ckpt   the best-scoring checkpoint so far
/// &lt;run&gt;/learning_curve.png      see <see cref="LearningCurve"/>
/// </code>
/// Every file is either append-only with a flush per record (metrics, events) or replaced atomically
/// (temp file + rename), so a crash or Ctrl-C never leaves a half-written config, checkpoint or plot.
/// </summary>
public sealed class RunDirectory
{
    public const string ConfigFileName = "config.json";
    public const string MetricsFileName = "metrics.csv";
    public const string TensorBoardDirName = "tensorboard";
    public const string CheckpointsDirName = "checkpoints";
    public const string LatestCheckpointFileName = "latest.ckpt";
    public const string BestCheckpointFileName = "best.ckpt";
    public const string LearningCurveFileName = "learning_curve.png";

    /// <summary>JSON settings for config.json: indented, enums as names, NaN/Infinity allowed, comments tolerated on read.</summary>
    internal static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private RunDirectory(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        ConfigPath = System.IO.Path.Combine(Path, ConfigFileName);
        MetricsCsvPath = System.IO.Path.Combine(Path, MetricsFileName);
        TensorBoardDir = System.IO.Path.Combine(Path, TensorBoardDirName);
        string ckpt = System.IO.Path.Combine(Path, CheckpointsDirName);
        LatestCheckpointPath = System.IO.Path.Combine(ckpt, LatestCheckpointFileName);
        BestCheckpointPath = System.IO.Path.Combine(ckpt, BestCheckpointFileName);
        LearningCurvePath = System.IO.Path.Combine(Path, LearningCurveFileName);
    }

    /// <summary>Absolute path of the run directory.</summary>
    public string Path { get; }
    public string ConfigPath { get; }
    public string MetricsCsvPath { get; }
    public string TensorBoardDir { get; }
    public string LatestCheckpointPath { get; }
    public string BestCheckpointPath { get; }
    public string LearningCurvePath { get; }

    /// <summary>
    /// Starts a new run in <paramref name="path"/> (created if needed, with <c>checkpoints/</c> and <c>tensorboard/</c>).
    /// Refuses a directory that already holds a run's files (config.json, metrics.csv or a checkpoint) so nothing
    /// already written is overwritten.
    /// </summary>
    /// <exception cref="RunDirectoryException">The path is a file, or already holds a run.</exception>
    public static RunDirectory Create(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var run = new RunDirectory(path);
        if (File.Exists(run.Path))
            throw new RunDirectoryException($"--out '{run.Path}' is a file, not a directory. Choose another --out.");

        var existing = new[] { run.ConfigPath, run.MetricsCsvPath, run.LatestCheckpointPath, run.BestCheckpointPath }
            .Where(File.Exists).Select(run.Relative).ToList();
        if (existing.Count > 0)
        {
            throw new RunDirectoryException(
                $"'{run.Path}' already holds a training run ({string.Join(", ", existing)} exist{(existing.Count == 1 ? "s" : "")}). " +
                "Use --resume to continue it, or choose another --out directory; nothing was overwritten.");
        }

        try
        {
            Directory.CreateDirectory(run.Path);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(run.LatestCheckpointPath)!);
            Directory.CreateDirectory(run.TensorBoardDir);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RunDirectoryException($"Cannot create run directory '{run.Path}': {ex.Message}");
        }
        return run;
    }

    /// <summary>Opens an existing run (for --resume or evaluation). It must have config.json and checkpoints/latest.ckpt.</summary>
    /// <exception cref="RunDirectoryException">The directory or one of those files is missing; the message names it.</exception>
    public static RunDirectory Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var run = new RunDirectory(path);
        if (!Directory.Exists(run.Path))
            throw new RunDirectoryException($"Run directory '{run.Path}' does not exist.");
        if (!File.Exists(run.ConfigPath))
            throw new RunDirectoryException(
                $"'{run.Path}' is not a training run: {ConfigFileName} is missing (expected {run.ConfigPath}).");
        if (!File.Exists(run.LatestCheckpointPath))
        {
            string partial = File.Exists(AtomicFile.TempPathFor(run.LatestCheckpointPath))
                ? $" Only {run.Relative(AtomicFile.TempPathFor(run.LatestCheckpointPath))} exists, left by an interrupted save; it is incomplete."
                : "";
            throw new RunDirectoryException(
                $"Run '{run.Path}' has no checkpoint to resume from: {CheckpointsDirName}/{LatestCheckpointFileName} is missing " +
                $"(expected {run.LatestCheckpointPath}).{partial}");
        }
        return run;
    }

    /// <summary>Writes config.json as indented JSON, atomically (config.json.tmp, then rename).</summary>
    public void WriteConfig<T>(T config)
    {
        ArgumentNullException.ThrowIfNull(config);
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(config, JsonOptions);
        AtomicFile.Write(ConfigPath, s =>
        {
            s.Write(json);
            s.WriteByte((byte)'\n');
        });
    }

    /// <summary>Reads config.json.</summary>
    /// <exception cref="RunDirectoryException">Missing, malformed, or not of the expected shape; the message names the file and position.</exception>
    public T ReadConfig<T>()
    {
        if (!File.Exists(ConfigPath))
            throw new RunDirectoryException($"{ConfigFileName} is missing (expected {ConfigPath}).");
        byte[] bytes = File.ReadAllBytes(ConfigPath);
        T? value;
        try
        {
            value = JsonSerializer.Deserialize<T>(bytes, JsonOptions);
        }
        catch (JsonException ex)
        {
            string where = ex.LineNumber is long line
                ? $" at line {line + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}" + (string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "" : $" (JSON path {ex.Path})")
                : "";
            throw new RunDirectoryException($"{ConfigPath} is not a valid config{where}: {WithoutPosition(ex.Message)}");
        }
        return value ?? throw new RunDirectoryException($"{ConfigPath} contains JSON null instead of a config object.");
    }

    /// <summary>Drops System.Text.Json's 0-based " Path: … | LineNumber: … | BytePositionInLine: …" suffix (reported 1-based above).</summary>
    private static string WithoutPosition(string message)
    {
        int cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut < 0) cut = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private string Relative(string file) => System.IO.Path.GetRelativePath(Path, file);
}
