using System.Text.Json;
using GpuTwin.Cli;
using Spectre.Console.Testing;

namespace GpuTwin.Tests.Common;

/// <summary>Runs the gputwin CLI in-process, as the CLI tests of every verb and scenario do.</summary>
public static class CliBed
{
    /// <summary>The exit code, standard output (a 250-column test console, so tables do not wrap) and standard error.</summary>
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var console = new TestConsole().Width(250);
        var err = new StringWriter();
        int code = GpuTwinApp.Run(args, console, err);
        return (code, console.Output, err.ToString());
    }

    /// <summary>Bad input: exit code 2 and a one-line error on standard error that contains each of <paramref name="mentions"/>; returns that line.</summary>
    public static string AssertOneLineError(string[] args, params string[] mentions)
    {
        var (code, _, err) = Run(args);
        Assert.Equal(2, code);
        var line = err.Trim();
        Assert.DoesNotContain('\n', line);
        foreach (var m in mentions) Assert.Contains(m, line);
        return line;
    }

    /// <summary>Scenario <paramref name="id"/>'s entry in <c>gputwin scenarios [options] --json --params</c>.</summary>
    public static JsonElement ListedScenario(string id, params string[] options)
    {
        var (code, output, err) = Run(["scenarios", .. options, "--json", "--params"]);
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        return doc.RootElement.GetProperty("scenarios").EnumerateArray().Single(x => x.GetProperty("id").GetString() == id).Clone();
    }
}
