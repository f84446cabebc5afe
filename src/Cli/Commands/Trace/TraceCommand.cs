using System.ComponentModel;
using System.Globalization;
using GpuTwin.Cli.Common;
using GpuTwin.Kernels.Runtime;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GpuTwin.Cli.Commands.Trace;

/// <summary><c>gputwin trace</c>: env 0's per-agent physics, step by step.</summary>
public sealed class TraceCommand(IAnsiConsole console) : Command<TraceCommand.Settings>
{
    public sealed class Settings : BatchSettings
    {
        public const string DefaultPolicy = "static";
        public const int DefaultSteps = 3, MaxSteps = 100_000;

        [CommandOption("--policy <NAME>")]
        [Description("One policy name (see `gputwin scenarios`).")]
        [DefaultValue(DefaultPolicy)]
        public string Policy { get; init; } = DefaultPolicy;

        [CommandOption("--steps <S>")]
        [Description("Steps to trace.")]
        [DefaultValue(DefaultSteps)]
        public int Steps { get; init; } = DefaultSteps;

        public override ValidationResult Validate()
        {
            Require(Steps >= 1 && Steps <= MaxSteps, "--steps", Steps, $"integer in [1, {MaxSteps}]");
            if (Sweep.Length > 0) throw new UsageException("--sweep: not supported by trace (it follows env 0 only); use --set");
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var (scenario, grid) = settings.BuildGrid(1);
        using var device = ComputeDevice.Create(settings.DeviceKind);
        using var env = scenario.CreateEnv(device, grid);
        var policy = scenario.CreatePolicy(settings.Policy, env, settings.Seed);
        try
        {
            var steps = scenario.Trace(env, policy, settings.Steps, settings.Seed);
            if (settings.Json)
            {
                JsonOut.Write(console, new Dictionary<string, object>
                {
                    ["scenario"] = scenario.Id, ["policy"] = settings.Policy, ["seed"] = settings.Seed,
                    ["device"] = device.Description, ["steps"] = steps,
                });
                return GpuTwinApp.ExitOk;
            }
            foreach (var step in steps)
            {
                var agents = step.Values.OfType<IEnumerable<Dictionary<string, object>>>().FirstOrDefault()?.ToList() ?? [];
                var scalars = string.Join("  ", step.Where(kv => kv.Value is not System.Collections.IEnumerable || kv.Value is string)
                    .Select(kv => $"{kv.Key}={Fmt(kv.Value)}"));
                var table = new Table().Border(TableBorder.Simple).Title(Markup.Escape(scalars));
                if (agents.Count > 0)
                {
                    foreach (var key in agents[0].Keys) table.AddColumn(new TableColumn(key).RightAligned());
                    foreach (var a in agents) table.AddRow(a.Values.Select(v => Markup.Escape(Fmt(v))).ToArray());
                }
                console.Write(table);
            }
            return GpuTwinApp.ExitOk;
        }
        finally
        {
            (policy as IDisposable)?.Dispose();
        }
    }

    private static string Fmt(object v) => v switch
    {
        float f => f.ToString("G4", CultureInfo.InvariantCulture),
        double d => d.ToString("G4", CultureInfo.InvariantCulture),
        _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
    };
}
