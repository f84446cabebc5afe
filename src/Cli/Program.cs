using GpuTwin.Cli;

return GpuTwinApp.Run(args, Spectre.Console.AnsiConsole.Console);
