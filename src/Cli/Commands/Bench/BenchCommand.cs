using System.ComponentModel;
using System.Globalization;
using GpuTwin.Cli.Common;
using GpuTwin.Kernels.Runtime;
using GpuTwin.Training.Plots;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GpuTwin.Cli.Commands.Bench;

/// <summary>
/// <c>gputwin bench</c>: env-only stepping throughput for several batch sizes, with a baseline's actions written
/// once; a table (or JSON) of env-steps/s and agent-steps/s and a log-x scaling plot.
/// </summary>
public sealed class BenchCommand(IAnsiConsole console) : Command<BenchCommand.Settings>
{
    public sealed class Settings : BatchSettings
    {
        public const string DefaultEnvs = "1,64,1024";
        public const double DefaultSeconds = 2, MaxSeconds = 3600;
        /// <summary>The baseline whose actions are written once (max power, nearest BS, equal shares, never migrate).</summary>
        public const string Policy = "static";

        [CommandOption("--envs <LIST>")]
        [Description("Comma-separated batch sizes to measure, e.g. 1,64,1024.")]
        [DefaultValue(DefaultEnvs)]
        public string Envs { get; init; } = DefaultEnvs;

        [CommandOption("--seconds <S>")]
        [Description("Total timed stepping, split evenly over the batch sizes (untimed warm-up: 1 s before the first size, up to 0.25 s before the others).")]
        [DefaultValue(DefaultSeconds)]
        public double Seconds { get; init; } = DefaultSeconds;

        [CommandOption("--plot <PATH>")]
        [Description("Scaling plot (PNG, log-x); default bench_<scenario>.png in the current directory.")]
        public string? Plot { get; init; }

        public IReadOnlyList<int> EnvCounts => EnvCountList.Parse(Envs);

        public override ValidationResult Validate()
        {
            _ = EnvCounts;
            Require(Seconds > 0 && Seconds <= MaxSeconds, "--seconds", Seconds.ToString(CultureInfo.InvariantCulture), $"number in (0, {MaxSeconds}]");
            if (Sweep.Length > 0) throw new UsageException("--sweep: not supported by bench (it measures one configuration); use --set");
            if (Plot is { Length: 0 }) throw new UsageException("--plot: empty path; allowed: a file path ending in .png");
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var counts = settings.EnvCounts;
        var (scenario, _) = settings.BuildGrid(1);
        string policy = scenario.Policies.Any(p => p.Name == Settings.Policy) ? Settings.Policy : scenario.Policies[0].Name;
        string plotPath = settings.Plot ?? $"bench_{scenario.Id}.png";
        double budget = settings.Seconds / counts.Count;

        using var device = ComputeDevice.Create(settings.DeviceKind);
        var rows = new List<BenchRow>();
        for (int i = 0; i < counts.Count; i++)
        {
            var (_, grid) = settings.BuildGrid(counts[i]);
            rows.Add(BenchRunner.Measure(scenario, device, grid, policy, settings.Seed, budget, BenchRunner.WarmupSeconds(i, budget)));
        }

        LinePlot.SavePng(plotPath, $"{scenario.Id}: env-only stepping on {device.Description} ({policy} actions)", "envs", "env-steps/s",
            [new Series("env-steps/s", rows.Select(r => (double)r.Envs).ToArray(), rows.Select(r => r.EnvStepsPerSecond).ToArray())],
            logX: true);

        if (settings.Json)
        {
            JsonOut.Write(console, new Dictionary<string, object?>
            {
                ["scenario"] = scenario.Id,
                ["device"] = device.Description,
                ["seed"] = settings.Seed,
                ["policy"] = policy,
                ["agents_per_env"] = rows[0].AgentsPerEnv,
                ["seconds_per_size"] = budget,
                ["warmup_seconds"] = counts.Select((_, i) => BenchRunner.WarmupSeconds(i, budget)).ToArray(),
                ["plot"] = Path.GetFullPath(plotPath),
                ["rows"] = rows.Select(r => new Dictionary<string, object?>
                {
                    ["envs"] = r.Envs,
                    ["steps"] = r.Steps,
                    ["seconds"] = r.Seconds,
                    ["env_steps_per_s"] = r.EnvStepsPerSecond,
                    ["agent_steps_per_s"] = r.AgentStepsPerSecond,
                    ["state_bytes_per_env"] = r.StateBytesPerEnv,
                    ["footprint_gb_per_s"] = r.FootprintGBps,
                }).ToArray(),
            });
            return GpuTwinApp.ExitOk;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .Title($"[bold]{scenario.Id}[/] env-only stepping, {Markup.Escape(device.Description)}, '{policy}' actions written once, {rows[0].AgentsPerEnv} agents/env");
        table.AddColumn(new TableColumn("envs").RightAligned());
        table.AddColumn(new TableColumn("steps").RightAligned());
        table.AddColumn(new TableColumn("seconds").RightAligned());
        table.AddColumn(new TableColumn("env-steps/s").RightAligned());
        table.AddColumn(new TableColumn("agent-steps/s").RightAligned());
        table.AddColumn(new TableColumn("state KiB/env").RightAligned());
        table.AddColumn(new TableColumn("footprint GB/s").RightAligned());
        foreach (var r in rows)
            table.AddRow(r.Envs.ToString(CultureInfo.InvariantCulture), r.Steps.ToString("N0", CultureInfo.InvariantCulture),
                r.Seconds.ToString("F3", CultureInfo.InvariantCulture), r.EnvStepsPerSecond.ToString("N0", CultureInfo.InvariantCulture),
                r.AgentStepsPerSecond.ToString("N0", CultureInfo.InvariantCulture),
                (r.StateBytesPerEnv / 1024).ToString("N1", CultureInfo.InvariantCulture),
                r.FootprintGBps.ToString("N2", CultureInfo.InvariantCulture));
        console.Write(table);
        console.MarkupLine("[grey]footprint GB/s = device memory per env × env-steps/s: the traffic if each step read the whole state once (a yardstick for the memory-bandwidth roofline, not a byte count)[/]");
        console.MarkupLine($"[grey]untimed warm-up: {BenchRunner.FirstWarmupSeconds:0.##} s before the first size, {BenchRunner.WarmupSeconds(1, budget):0.###} s before the others (at least {BenchRunner.WarmupSteps} steps each); plot: {Markup.Escape(Path.GetFullPath(plotPath))}[/]");
        return GpuTwinApp.ExitOk;
    }
}
