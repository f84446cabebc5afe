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
}
