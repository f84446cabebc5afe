using System.ComponentModel;
using System.Globalization;
using GpuTwin.Cli.Common;
using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Running;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GpuTwin.Cli.Commands.Parity;

/// <summary>
/// <c>gputwin parity</c>: the same batch, seed and heuristic stepped on two devices (default: the host path against
/// <c>--device</c>), every observation, action, mask, reward, done flag, global state and counter compared after every
/// step. Exit code 0 when every buffer agrees within the tolerance, 1 when one does not.
/// </summary>
public sealed class ParityCommand(IAnsiConsole console) : Command<ParityCommand.Settings>
{
    public sealed class Settings : BatchSettings
    {
        public const int DefaultEnvs = 8, DefaultSteps = 50, MaxEnvs = 1 << 16, MaxSteps = 1_000_000;

        [CommandOption("--reference <DEVICE>")]
        [Description("Device the other is compared against: cpu|ilgpu-cpu|cuda.")]
        [DefaultValue("cpu")]
        public string Reference { get; init; } = "cpu";

        [CommandOption("--policy <NAMES>")]
        [Description("Comma-separated heuristic policies to step with, or 'all' (one comparison each).")]
        [DefaultValue("all")]
        public string Policy { get; init; } = "all";

        [CommandOption("--envs <N>")]
        [DefaultValue(DefaultEnvs)]
        public int Envs { get; init; } = DefaultEnvs;

        [CommandOption("--steps <S>")]
        [DefaultValue(DefaultSteps)]
        public int Steps { get; init; } = DefaultSteps;

        [CommandOption("--rtol <R>")]
        [Description("Relative tolerance for floats: |a - b| <= atol + rtol |a|.")]
        [DefaultValue(1e-4)]
        public double Rtol { get; init; } = 1e-4;

        [CommandOption("--atol <A>")]
        [DefaultValue(1e-5)]
        public double Atol { get; init; } = 1e-5;

        public DeviceKind ReferenceKind => DeviceKindNames.TryParse(Reference, out var k) && k != DeviceKind.Auto
            ? k
            : throw new UsageException($"--reference: '{Reference}' is not allowed; allowed: cpu|ilgpu-cpu|cuda");

        public override ValidationResult Validate()
        {
            Require(Envs >= 1 && Envs <= MaxEnvs, "--envs", Envs, $"integer in [1, {MaxEnvs}]");
            Require(Steps >= 1 && Steps <= MaxSteps, "--steps", Steps, $"integer in [1, {MaxSteps}]");
            Require(Rtol >= 0 && Rtol <= 1, "--rtol", Rtol.ToString(CultureInfo.InvariantCulture), "number in [0, 1]");
            Require(Atol >= 0 && Atol <= 1, "--atol", Atol.ToString(CultureInfo.InvariantCulture), "number in [0, 1]");
            if (Sweep.Length > 0) throw new UsageException("--sweep: not supported by parity (it compares one configuration); use --set");
            _ = ReferenceKind;
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var (scenario, grid) = settings.BuildGrid(settings.Envs);
        var policies = PolicyList.Parse(scenario, settings.Policy);

        using var reference = ComputeDevice.Create(settings.ReferenceKind);
        using var candidate = ComputeDevice.Create(settings.DeviceKind);
        if (candidate.Kind == reference.Kind)
            throw new UsageException($"--device: {settings.Device} is {candidate.Kind.Name()}, the same as --reference; allowed: a different device (cuda|ilgpu-cpu|cpu)");

        var tolerance = new BackendParity.Tolerance(settings.Rtol, settings.Atol);
        var reports = policies
            .Select(p => BackendParity.Compare(scenario, p, settings.Seed, settings.Steps, tolerance, (reference, grid), (candidate, grid)))
            .ToList();
        bool agrees = reports.All(r => r.Agrees);

        if (settings.Json)
            JsonOut.Write(console, new Dictionary<string, object?>
            {
                ["scenario"] = scenario.Id,
                ["reference"] = reference.Description,
                ["candidate"] = candidate.Description,
                ["envs"] = grid.NumEnvs,
                ["steps"] = settings.Steps,
                ["seed"] = settings.Seed,
                ["rtol"] = settings.Rtol,
                ["atol"] = settings.Atol,
                ["agrees"] = agrees,
                ["runs"] = reports.Select(r => new Dictionary<string, object?>
                {
                    ["policy"] = r.Policy,
                    ["agrees"] = r.Agrees,
                    ["first_mismatch_step"] = r.FirstMismatchStep,
                    ["fields"] = r.Fields.Select(f => new Dictionary<string, object?>
                    {
                        ["name"] = f.Name,
                        ["exact"] = f.IsExact,
                        ["compared"] = f.Compared,
                        ["mismatches"] = f.Mismatches,
                        ["max_abs_diff"] = double.IsFinite(f.MaxAbsDiff) ? f.MaxAbsDiff : null,
                        ["max_rel_diff"] = f.MaxRelDiff,
                        ["first_mismatch_step"] = f.FirstMismatchStep,
                    }).ToArray(),
                }).ToArray(),
            });
        else
            foreach (var r in reports) WriteTable(r);

        return agrees ? GpuTwinApp.ExitOk : GpuTwinApp.ExitFailure;
    }

    private void WriteTable(ParityReport r)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(
            $"[bold]{r.ScenarioId}[/] '{r.Policy}': {Markup.Escape(r.CandidateDevice)} vs {Markup.Escape(r.ReferenceDevice)}, {r.NumEnvs} envs x {r.Steps} steps");
        foreach (var c in new[] { "buffer", "compared", "max |Δ|", "max rel", "mismatches", "first step" })
            table.AddColumn(c == "buffer" ? new TableColumn(c) : new TableColumn(c).RightAligned());
        foreach (var f in r.Fields)
            table.AddRow(Markup.Escape(f.Name), f.Compared.ToString("N0", CultureInfo.InvariantCulture),
                f.IsExact ? "exact" : f.MaxAbsDiff.ToString("G3", CultureInfo.InvariantCulture),
                f.IsExact ? "" : f.MaxRelDiff.ToString("G3", CultureInfo.InvariantCulture),
                f.Agrees ? "0" : $"[red]{f.Mismatches:N0}[/]",
                f.FirstMismatchStep < 0 ? "" : f.FirstMismatchStep.ToString(CultureInfo.InvariantCulture));
        console.Write(table);
        console.MarkupLine(r.Agrees
            ? $"[green]agrees[/] (floats within {r.Tolerance.Absolute} + {r.Tolerance.Relative}·|ref|, integers and flags exact)"
            : $"[red]differs[/] from step {r.FirstMismatchStep} on");
    }
}
