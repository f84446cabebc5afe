using System.ComponentModel;
using System.Globalization;
using GpuTwin.Cli.Common;
using GpuTwin.Training.Runs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GpuTwin.Cli.Commands.Eval;

/// <summary><c>gputwin eval</c>: a trained run beside the baselines and random, one table and one plot.</summary>
public sealed class EvalCommand(IAnsiConsole console) : Command<EvalCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        public const int DefaultEpisodes = 8, DefaultSteps = 1000;

        [CommandOption("--run <DIR>")]
        [Description("Run directory written by `gputwin train`.")]
        public string? Run { get; init; }

        [CommandOption("--episodes <N>")]
        [Description("Parallel evaluation envs (one episode each) per sweep value.")]
        [DefaultValue(DefaultEpisodes)]
        public int Episodes { get; init; } = DefaultEpisodes;

        [CommandOption("--steps <S>")]
        [Description("Slots per evaluation episode (the full episode is Q x T = 5000 for dt-sync).")]
        [DefaultValue(DefaultSteps)]
        public int Steps { get; init; } = DefaultSteps;

        [CommandOption("--checkpoint <WHICH>")]
        [Description("latest|best")]
        [DefaultValue("latest")]
        public string Checkpoint { get; init; } = "latest";

        [CommandOption("--sweep <KEY=V1,V2>")]
        [Description("Evaluate over a swept env parameter (repeatable).")]
        public string[] Sweep { get; init; } = [];

        [CommandOption("--seed <N>")]
        [Description("Evaluation seed (apart from the training seed).")]
        [DefaultValue(1000UL)]
        public ulong Seed { get; init; } = 1000;

        [CommandOption("--device <DEVICE>")]
        [Description("auto|cuda|cpu|ilgpu-cpu")]
        [DefaultValue("auto")]
        public string Device { get; init; } = "auto";

        [CommandOption("--json")]
        [Description("Print one JSON object.")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Run)) throw new UsageException("--run: required; give the run directory written by gputwin train");
            BatchSettings.Require(Episodes >= 1 && Episodes <= 1 << 20, "--episodes", Episodes, "integer in [1, 1048576]");
            BatchSettings.Require(Steps >= 1 && Steps <= 100_000_000, "--steps", Steps, "integer in [1, 100000000]");
            if (Checkpoint is not ("latest" or "best")) throw new UsageException($"--checkpoint: '{Checkpoint}' is not allowed; allowed: latest|best");
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var run = OpenRun(settings.Run!);
        var rows = Evaluation.Run(run, settings.Checkpoint, settings.Episodes, settings.Steps, settings.Seed, settings.Sweep, settings.Device);
        string plot = Path.Combine(run.Path, "eval.png");
        Evaluation.Plot(plot, rows, Evaluation.PlotMetric(rows), "evaluation");
        EvalTable.Write(console, rows, settings.Json, $"{run.Path}: {settings.Checkpoint} checkpoint, {settings.Episodes} envs x {settings.Steps} slots, seed {settings.Seed}", plot);
        return GpuTwinApp.ExitOk;
    }

    public static RunDirectory OpenRun(string path, string flag = "--run")
    {
        try { return RunDirectory.Open(path); }
        catch (RunDirectoryException e) { throw new UsageException($"{flag}: {e.Message}"); }
    }
}

/// <summary>The comparison table shared by eval and the end of train.</summary>
public static class EvalTable
{

    public static void Write(IAnsiConsole console, IReadOnlyList<EvalRow> rows, bool json, string title, string plotPath)
    {
        if (json)
        {
            JsonOut.Write(console, new Dictionary<string, object>
            {
                ["title"] = title,
                ["plot"] = plotPath,
                ["rows"] = rows.Select(r => new Dictionary<string, object?>
                {
                    ["policy"] = r.Policy, ["cell"] = r.Cell,
                    ["metrics"] = r.Metrics.ToDictionary(m => m.Key, m => double.IsFinite(m.Value) ? (double?)m.Value : null),
                }).ToArray(),
            });
            return;
        }
        bool sweep = rows.Select(r => r.Cell).Distinct().Count() > 1;
        var metrics = rows.Count > 0 ? rows[0].Headline : [];
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title)).AddColumn("policy");
        if (sweep) table.AddColumn("values");
        foreach (var m in metrics) table.AddColumn(new TableColumn(m).RightAligned());
        foreach (var r in rows)
        {
            var cells = new List<string> { r.Policy };
            if (sweep) cells.Add(r.Cell);
            cells.AddRange(metrics.Select(m => r.Metrics.TryGetValue(m, out var v) && double.IsFinite(v) ? v.ToString("G4", CultureInfo.InvariantCulture) : "-"));
            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }
        console.Write(table);
        console.MarkupLine($"[grey]plot: {Markup.Escape(plotPath)}[/]");
    }
}
