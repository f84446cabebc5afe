using System.ComponentModel;
using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Scenarios;
using Spectre.Console.Cli;

namespace GpuTwin.Cli.Common;

/// <summary>Options shared by every command that builds an env batch.</summary>
public class BatchSettings : CommandSettings
{
    public const string DefaultScenario = "dt-sync";
    public const ulong DefaultSeed = 1;

    [CommandOption("--scenario <ID>")]
    [Description("Scenario id (see `gputwin scenarios`).")]
    [DefaultValue(DefaultScenario)]
    public string Scenario { get; init; } = DefaultScenario;

    [CommandOption("--profile <NAME>")]
    [Description("Named parameter profile of the scenario, applied before --set (e.g. paper-literal).")]
    public string? Profile { get; init; }

    [CommandOption("--set <KEY=VALUE>")]
    [Description("Override a parameter for every env; repeatable.")]
    public string[] Set { get; init; } = [];

    [CommandOption("--sweep <KEY=V1,V2>")]
    [Description("Sweep a parameter inside one batch (per-env values); repeatable: the cartesian product is run.")]
    public string[] Sweep { get; init; } = [];

    [CommandOption("--seed <N>")]
    [Description("Run seed: every random draw is a function of (seed, env, episode, slot, stream, entity).")]
    [DefaultValue(DefaultSeed)]
    public ulong Seed { get; init; } = DefaultSeed;

    [CommandOption("--device <DEVICE>")]
    [Description("auto|cuda|cpu|ilgpu-cpu. auto = CUDA when a GPU is usable, else the fast host path.")]
    [DefaultValue("auto")]
    public string Device { get; init; } = "auto";

    [CommandOption("--json")]
    [Description("Print one JSON object instead of tables.")]
    public bool Json { get; init; }

    public DeviceKind DeviceKind => DeviceKindNames.TryParse(Device, out var k)
        ? k
        : throw new UsageException($"--device: '{Device}' is not allowed; allowed: {DeviceKindNames.Allowed}");

    /// <summary>Resolves scenario, profile, --set and --sweep into a validated per-env parameter grid.</summary>
    public (IScenario Scenario, ParameterGrid Grid) BuildGrid(int envsPerCell)
    {
        var scenario = ScenarioRegistry.Get(Scenario);
        return (scenario, ScenarioGrid.Build(scenario, Profile, Set, Sweep, envsPerCell));
    }

    /// <summary>Range check for an integer flag with a one-line error naming it.</summary>
    public static void Require(bool ok, string flag, object value, string allowed)
    {
        if (!ok) throw new UsageException($"{flag}: {value} is out of range; allowed: {allowed}");
    }
}
