using GpuTwin.Cli;
using Spectre.Console;

var console = AnsiConsole.Console;
// Redirected output (logs, CI) defaults to 80 columns; keep tables on one line each instead.
if (Console.IsOutputRedirected) console.Profile.Width = 160;
return GpuTwinApp.Run(args, console);
