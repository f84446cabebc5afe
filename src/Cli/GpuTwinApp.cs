using GpuTwin.Cli.Commands.Eval;
using GpuTwin.Cli.Commands.Run;
using GpuTwin.Cli.Commands.Train;
using GpuTwin.Cli.Commands.Scenarios;
using GpuTwin.Cli.Commands.Trace;
using GpuTwin.Cli.Common;
using GpuTwin.VecEnv.Parameters;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GpuTwin.Cli;

/// <summary>The <c>gputwin</c> command line. Exit codes: 0 ok, 1 runtime failure, 2 bad input (one-line error).</summary>
public static class GpuTwinApp
{
    public const int ExitOk = 0, ExitFailure = 1, ExitUsage = 2;

    /// <param name="errors">Where one-line usage errors go (stderr by default).</param>
    public static int Run(string[] args, IAnsiConsole console, TextWriter? errors = null)
    {
        var app = new CommandApp(new ConsoleRegistrar(console));
        app.Configure(config =>
        {
            config.SetApplicationName("gputwin");
            config.ConfigureConsole(console);
            config.PropagateExceptions();
            config.UseStrictParsing();
            config.AddCommand<ScenariosCommand>("scenarios")
                .WithDescription("List scenarios: agent groups, observation sizes, action spaces, policies, profiles and parameters.")
                .WithExample("scenarios")
                .WithExample("scenarios", "--scenario", "dt-sync", "--params");
            config.AddCommand<RunCommand>("run")
                .WithDescription("Run baseline/random policies in N parallel envs and print per-value metrics.")
                .WithExample("run", "--scenario", "dt-sync", "--policy", "deadline", "--envs", "256", "--steps", "5000")
                .WithExample("run", "--sweep", "K=10,20,30,40", "--policy", "static,deadline", "--json");
            config.AddCommand<TraceCommand>("trace")
                .WithDescription("Print env 0's per-agent quantities for each step, to check the physics by hand.")
                .WithExample("trace", "--scenario", "dt-sync", "--policy", "static", "--steps", "3", "--set", "K=4", "--json");
            config.AddCommand<TrainCommand>("train")
                .WithDescription("Train IPPO/MAPPO/HAPPO (Beta or Gaussian heads) into a run directory, then compare with the baselines.")
                .WithExample("train", "--preset", "quick", "--envs", "16", "--steps", "1500")
                .WithExample("train", "--algo", "mappo", "--dist", "gaussian", "--set", "algo.epochs=10", "--set", "env.K=20", "--out", "runs/mappo-k20")
                .WithExample("train", "--resume", "runs/mappo-k20");
            config.AddCommand<EvalCommand>("eval")
                .WithDescription("Evaluate a trained run (deterministic actions) beside the baselines and random.")
                .WithExample("eval", "--run", "runs/dt-sync-quick-1", "--episodes", "8", "--sweep", "K=10,20,30");
            config.AddCommand<Commands.Parity.ParityCommand>("parity")
                .WithDescription("Step one batch on two devices (default: the host path vs --device) and compare every observation, action, mask, reward and counter after every step.")
                .WithExample("parity", "--scenario", "dt-sync", "--device", "cuda")
                .WithExample("parity", "--scenario", "collab-mec", "--device", "ilgpu-cpu", "--envs", "2", "--steps", "10", "--json");
            config.AddCommand<Commands.Bench.BenchCommand>("bench")
                .WithDescription("Measure env-only stepping throughput (env-steps/s, agent-steps/s) for several batch sizes and plot the scaling.")
                .WithExample("bench", "--scenario", "dt-sync", "--envs", "1,64,1024", "--seconds", "2")
                .WithExample("bench", "--device", "cuda", "--envs", "1024,16384,65536", "--json", "--plot", "bench_cuda.png");
#if DEBUG
            config.ValidateExamples();
#endif
        });
        try
        {
            return app.Run(args);
        }
        catch (Exception ex) when (UsageError(ex, args) is { } message)
        {
            console.Profile.Out.Writer.Flush();
            (errors ?? Console.Error).WriteLine($"gputwin: error: {message}");
            return ExitUsage;
        }
    }

    /// <summary>The one-line message for bad input, or null for real failures.</summary>
    private static string? UsageError(Exception ex, string[] args) => ex switch
    {
        ParameterException p => p.Message,
        UsageException u => u.Message,
        GpuTwin.Kernels.Runtime.DeviceUnavailableException d => d.Message,
        CommandParseException c => OneLine(c.Message),
        CommandRuntimeException r => NameTheFlag(OneLine(r.Message), args),
        _ => null,
    };

    /// <summary>Spectre's conversion errors name the value, not the flag: prefix the flag that preceded the value.</summary>
    private static string NameTheFlag(string message, string[] args)
    {
        const string prefix = "Failed to convert '";
        if (!message.StartsWith(prefix, StringComparison.Ordinal)) return message;
        int end = message.IndexOf('\'', prefix.Length);
        if (end < 0) return message;
        string value = message[prefix.Length..end];
        int at = Array.LastIndexOf(args, value);
        return at > 0 && args[at - 1].StartsWith('-') ? $"{args[at - 1]}: '{value}' is not valid ({message})" : message;
    }

    private static string OneLine(string s) => s.Replace('\n', ' ').Replace("\r", "").Trim();
}
