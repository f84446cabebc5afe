using System.ComponentModel;
using GpuTwin.Cli.Common;
using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv;
using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Scenarios;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GpuTwin.Cli.Commands.Scenarios;

/// <summary><c>gputwin scenarios</c>: what each scenario simulates and the shapes a learner sees.</summary>
public sealed class ScenariosCommand(IAnsiConsole console) : Command<ScenariosCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--scenario <ID>")]
        [Description("Show only this scenario.")]
        public string? Scenario { get; init; }

        [CommandOption("--params")]
        [Description("Also list every parameter with default, allowed range, unit and source.")]
        public bool Params { get; init; }

        [CommandOption("--metrics")]
        [Description("Also list the reported metrics.")]
        public bool Metrics { get; init; }

        [CommandOption("--json")]
        [Description("Print one JSON object.")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var scenarios = settings.Scenario == null ? ScenarioRegistry.Available : [ScenarioRegistry.Get(settings.Scenario)];
        // Specs at the default parameters; built on the host path without stepping anything.
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        var specs = scenarios.Select(s =>
        {
            using var env = s.CreateEnv(device, ParameterGrid.Uniform(s.Parameters, 1));
            return (Scenario: s, Spec: env.Spec);
        }).ToList();

        if (settings.Json)
        {
            JsonOut.Write(console, new Dictionary<string, object>
            {
                ["scenarios"] = specs.Select(x => Describe(x.Scenario, x.Spec, settings)).ToArray(),
            });
            return GpuTwinApp.ExitOk;
        }

        foreach (var (s, spec) in specs)
        {
            console.MarkupLine($"[bold]{s.Id}[/]  {Markup.Escape(s.Title)}  [grey]({Markup.Escape(s.Source)})[/]");
            var groups = new Table().Border(TableBorder.Rounded)
                .AddColumn("group").AddColumn(new TableColumn("agents").RightAligned()).AddColumn(new TableColumn("obs").RightAligned())
                .AddColumn("action space").AddColumn("reward").AddColumn("role");
            foreach (var g in spec.Groups)
                groups.AddRow(g.Name, g.Count.ToString(), g.ObservationSize.ToString(), Markup.Escape(g.ActionSpace.Describe()),
                    spec.RewardStreams[g.RewardStream], Markup.Escape(g.Description));
            console.Write(groups);
            console.MarkupLine($"  global state: {spec.GlobalStateSize} floats; agents per env: {spec.AgentsPerEnv} (at the defaults)");
            console.MarkupLine($"  policies: {Markup.Escape(string.Join("; ", s.Policies.Select(p => $"{p.Name} = {p.Description}")))}");
            console.MarkupLine($"  profiles: {Markup.Escape(string.Join("; ", s.Profiles.Select(p => $"{p.Name} = {p.Description}")))}");
            if (settings.Params)
            {
                var t = new Table().Border(TableBorder.Simple).AddColumn("key").AddColumn(new TableColumn("default").RightAligned())
                    .AddColumn("allowed").AddColumn("meaning").AddColumn("source");
                foreach (var d in s.Parameters.Defs)
                    t.AddRow(d.Key, Markup.Escape(d.Format(d.Default)), Markup.Escape(d.AllowedRange), Markup.Escape(d.Description), Markup.Escape(d.Source));
                console.Write(t);
            }
            if (settings.Metrics)
            {
                var t = new Table().Border(TableBorder.Simple).AddColumn("metric").AddColumn("unit").AddColumn("meaning");
                foreach (var m in spec.Counters.Metrics) t.AddRow(m.Name, Markup.Escape(m.Unit), Markup.Escape(m.Description));
                console.Write(t);
            }
            console.WriteLine();
        }
        return GpuTwinApp.ExitOk;
    }

    private static Dictionary<string, object> Describe(IScenario s, EnvSpec spec, Settings settings)
    {
        var d = new Dictionary<string, object>
        {
            ["id"] = s.Id,
            ["title"] = s.Title,
            ["source"] = s.Source,
            ["global_state_size"] = spec.GlobalStateSize,
            ["reward_streams"] = spec.RewardStreams,
            ["groups"] = spec.Groups.Select(g => new Dictionary<string, object>
            {
                ["name"] = g.Name, ["count"] = g.Count, ["observation_size"] = g.ObservationSize,
                ["action_space"] = g.ActionSpace.Describe(), ["discrete_width"] = g.ActionSpace.DiscreteWidth,
                ["continuous_width"] = g.ActionSpace.ContinuousWidth, ["reward_stream"] = spec.RewardStreams[g.RewardStream],
                ["description"] = g.Description,
            }).ToArray(),
            ["policies"] = s.Policies.Select(p => new { p.Name, p.Description }).ToArray(),
            ["profiles"] = s.Profiles.Select(p => new { p.Name, p.Description, p.Overrides }).ToArray(),
        };
        if (settings.Params)
            d["parameters"] = s.Parameters.Defs.Select(p => new { p.Key, Default = p.Format(p.Default), Allowed = p.AllowedRange, p.Unit, p.Description, p.Source }).ToArray();
        if (settings.Metrics)
            d["metrics"] = spec.Counters.Metrics.Select(m => new { m.Name, m.Unit, m.Description }).ToArray();
        return d;
    }
}
