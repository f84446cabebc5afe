using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using GpuTwin.Cli.Common;
using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Running;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GpuTwin.Cli.Commands.Run;

/// <summary><c>gputwin run</c>: policies × sweep cells in one batch, one row per (policy, cell).</summary>
public sealed class RunCommand(IAnsiConsole console) : Command<RunCommand.Settings>
{
    public sealed class Settings : BatchSettings
    {
        public const string DefaultPolicy = "all";
        public const int DefaultEnvs = 64, DefaultSteps = 1000;
        public const int MaxEnvs = 1 << 22, MaxSteps = 100_000_000;

        [CommandOption("--policy <NAMES>")]
        [Description("Comma-separated policy names, or 'all' for every baseline of the scenario.")]
        [DefaultValue(DefaultPolicy)]
        public string Policy { get; init; } = DefaultPolicy;

        [CommandOption("--envs <N>")]
        [Description("Parallel envs per sweep value (the batch holds N x number of values).")]
        [DefaultValue(DefaultEnvs)]
        public int Envs { get; init; } = DefaultEnvs;

        [CommandOption("--steps <S>")]
        [Description("Env steps (slots) per env.")]
        [DefaultValue(DefaultSteps)]
        public int Steps { get; init; } = DefaultSteps;

        public override ValidationResult Validate()
        {
            Require(Envs >= 1 && Envs <= MaxEnvs, "--envs", Envs, $"integer in [1, {MaxEnvs}]");
            Require(Steps >= 1 && Steps <= MaxSteps, "--steps", Steps, $"integer in [1, {MaxSteps}]");
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var (scenario, grid) = settings.BuildGrid(settings.Envs);
        BatchSettings.Require((long)grid.NumEnvs <= Settings.MaxEnvs, "--envs", $"{settings.Envs} x {grid.Cells} values", $"at most {Settings.MaxEnvs} envs in total");
        var names = PolicyList.Parse(scenario, settings.Policy);

        using var device = ComputeDevice.Create(settings.DeviceKind);
        using var env = scenario.CreateEnv(device, grid);
        var rows = new List<(string Policy, CellResult Cell)>();
        var timer = Stopwatch.StartNew();
        bool showProgress = !settings.Json && console.Profile.Capabilities.Interactive;
        foreach (var name in names)
        {
            var policy = scenario.CreatePolicy(name, env, settings.Seed);
            try
            {
                IReadOnlyList<CellResult> results;
                if (showProgress)
                {
                    results = [];
                    console.Progress().AutoClear(true).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                        .Start(ctx =>
                        {
                            var task = ctx.AddTask($"{scenario.Id} / {name}", maxValue: settings.Steps);
                            results = PolicyRunner.Run(env, policy, settings.Steps, settings.Seed, done => task.Value = done);
                        });
                }
                else
                {
                    // Logs and pipes get a line on stderr every 10% of a long run; stdout stays the table or JSON.
                    long work = (long)grid.NumEnvs * settings.Steps;
                    int every = Math.Max(1, settings.Steps / 10);
                    Action<int>? progress = work >= 5_000_000
                        ? done => { if (done % every == 0 || done == settings.Steps) Console.Error.WriteLine($"gputwin: {scenario.Id}/{name}: {done}/{settings.Steps} steps ({timer.Elapsed.TotalSeconds:F0} s)"); }
                        : null;
                    results = PolicyRunner.Run(env, policy, settings.Steps, settings.Seed, progress);
                }
                rows.AddRange(results.Select(r => (name, r)));
            }
            finally
            {
                (policy as IDisposable)?.Dispose();
            }
        }
        double seconds = timer.Elapsed.TotalSeconds;
        double envSteps = (double)grid.NumEnvs * settings.Steps * names.Count;

        var metrics = env.Spec.Counters.Metrics;
        if (settings.Json)
        {
            JsonOut.Write(console, new Dictionary<string, object?>
            {
                ["scenario"] = scenario.Id,
                ["device"] = device.Description,
                ["seed"] = settings.Seed,
                ["envs_per_value"] = settings.Envs,
                ["envs_total"] = grid.NumEnvs,
                ["steps"] = settings.Steps,
                ["sweeps"] = grid.Sweeps.Select(s => s.Key).ToArray(),
                ["seconds"] = seconds,
                ["env_steps_per_s"] = envSteps / seconds,
                ["rows"] = rows.Select(r => new Dictionary<string, object?>
                {
                    ["policy"] = r.Policy,
                    ["cell"] = r.Cell.Label,
                    ["params"] = grid.Sweeps.ToDictionary(s => s.Key, s => (object)grid.Table[s.Key].Format(grid.CellValue(r.Cell.Cell, grid.Table.IndexOf(s.Key)))),
                    ["metrics"] = r.Cell.Metrics.ToDictionary(m => m.Key, m => double.IsFinite(m.Value) ? (double?)m.Value : null),
                }).ToArray(),
            });
            return GpuTwinApp.ExitOk;
        }

        var headline = metrics.Where(m => m.Headline).ToList();
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{scenario.Id}[/]: {grid.NumEnvs} envs x {settings.Steps} steps, seed {settings.Seed}, {Markup.Escape(device.Description)}");
        table.AddColumn("policy");
        if (grid.Sweeps.Count > 0) table.AddColumn("values");
        foreach (var m in headline) table.AddColumn(new TableColumn(m.Unit == "1" ? m.Name : $"{m.Name} ({m.Unit})").RightAligned());
        foreach (var (policy, cell) in rows)
        {
            var cells = new List<string> { policy };
            if (grid.Sweeps.Count > 0) cells.Add(cell.Label);
            cells.AddRange(headline.Select(m => Format(cell.Metrics[m.Name])));
            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }
        console.Write(table);
        console.MarkupLine($"[grey]{envSteps:N0} env-steps in {seconds:F2} s ({envSteps / seconds:N0} env-steps/s). All metrics: --json. Metric meanings: gputwin scenarios --scenario {scenario.Id} --metrics[/]");
        return GpuTwinApp.ExitOk;
    }

    private static string Format(double v) => double.IsNaN(v) ? "-" : v.ToString(Math.Abs(v) >= 1000 ? "N0" : "G4", CultureInfo.InvariantCulture);
}
