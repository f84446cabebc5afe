using System.ComponentModel;
using System.Globalization;
using GpuTwin.Cli.Commands.Eval;
using GpuTwin.Cli.Common;
using GpuTwin.Training.Networks;
using GpuTwin.Training.Ppo;
using GpuTwin.Training.Runs;
using GpuTwin.Training.Sessions;
using GpuTwin.Training.Tabular;
using GpuTwin.VecEnv.Scenarios;
using GpuTwin.VecEnv.Scenarios.IotMigration;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GpuTwin.Cli.Commands.Train;

/// <summary>
/// <c>gputwin train</c>: a PPO-family run (or, for iot-migration, the tabular JAL/IL learners) into a run directory,
/// then a comparison with the baselines.
/// </summary>
public sealed class TrainCommand(IAnsiConsole console) : Command<TrainCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        public const string DefaultPreset = "quick", DefaultAlgo = "happo", DefaultDist = "beta";
        public const int DefaultEnvs = 16;
        public const long DefaultSteps = 1500;

        [CommandOption("--scenario <ID>")]
        [Description("Scenario id.")]
        [DefaultValue(BatchSettings.DefaultScenario)]
        public string Scenario { get; init; } = BatchSettings.DefaultScenario;

        [CommandOption("--algo <ALGO>")]
        [Description("happo|mappo|ippo, or jal|il (tabular Q-learning, iot-migration only)")]
        [DefaultValue(DefaultAlgo)]
        public string Algo { get; init; } = DefaultAlgo;

        [CommandOption("--dist <DIST>")]
        [Description("beta|gaussian: the continuous action heads.")]
        [DefaultValue(DefaultDist)]
        public string Dist { get; init; } = DefaultDist;

        [CommandOption("--preset <NAME>")]
        [Description("paper|Beta-HAPPO|Gaussian-HAPPO|Beta-MAPPO|quick. Named presets fix --algo/--dist.")]
        [DefaultValue(DefaultPreset)]
        public string Preset { get; init; } = DefaultPreset;

        [CommandOption("--envs <N>")]
        [Description("Parallel training envs.")]
        [DefaultValue(DefaultEnvs)]
        public int Envs { get; init; } = DefaultEnvs;

        [CommandOption("--steps <S>")]
        [Description("Slots per env (total env-steps = envs x steps). PPO default: 1500; jal|il: rounded up to whole episodes.")]
        public long? Steps { get; init; }

        [CommandOption("--episodes <N>")]
        [Description("jal|il: training episodes per env (default: the preset's, quick = 20, paper = 2000).")]
        public int? Episodes { get; init; }

        [CommandOption("--profile <NAME>")]
        [Description("Env parameter profile (see gputwin scenarios).")]
        public string? Profile { get; init; }

        [CommandOption("--set <KEY=VALUE>")]
        [Description("env.key=value (env parameter) or algo.key=value (hyperparameter); repeatable.")]
        public string[] Set { get; init; } = [];

        [CommandOption("--seed <N>")]
        [Description("Run seed (networks, sampling and envs).")]
        [DefaultValue(BatchSettings.DefaultSeed)]
        public ulong Seed { get; init; } = BatchSettings.DefaultSeed;

        [CommandOption("--device <DEVICE>")]
        [Description("auto|cuda|cpu|ilgpu-cpu")]
        [DefaultValue("auto")]
        public string Device { get; init; } = "auto";

        [CommandOption("--out <DIR>")]
        [Description("New run directory (default runs/<scenario>-<preset>-s<seed>-<start time>).")]
        public string? Out { get; init; }

        [CommandOption("--resume <DIR>")]
        [Description("Continue an existing run from its latest checkpoint (its config is reused).")]
        public string? Resume { get; init; }

        [CommandOption("--checkpoint-every <N>")]
        [Description("Iterations between checkpoints/latest.ckpt.")]
        [DefaultValue(10)]
        public int CheckpointEvery { get; init; } = 10;

        [CommandOption("--eval-episodes <N>")]
        [Description("Envs for the comparison table at the end (0 = skip it).")]
        [DefaultValue(8)]
        public int EvalEpisodes { get; init; } = 8;

        [CommandOption("--eval-steps <S>")]
        [Description("Slots per env for the comparison at the end.")]
        [DefaultValue(500)]
        public int EvalSteps { get; init; } = 500;

        public override ValidationResult Validate()
        {
            BatchSettings.Require(Envs >= 1 && Envs <= 1 << 20, "--envs", Envs, "integer in [1, 1048576]");
            if (Steps is long steps) BatchSettings.Require(steps >= 1 && steps <= 1_000_000_000, "--steps", steps, "integer in [1, 1000000000]");
            if (Episodes is int episodes) BatchSettings.Require(episodes >= 1 && episodes <= 10_000_000, "--episodes", episodes, "integer in [1, 10000000]");
            if (Steps != null && Episodes != null) throw new UsageException("--episodes: give either --episodes N or --steps S, not both");
            BatchSettings.Require(CheckpointEvery >= 1, "--checkpoint-every", CheckpointEvery, "integer >= 1");
            BatchSettings.Require(EvalEpisodes >= 0, "--eval-episodes", EvalEpisodes, "integer >= 0");
            BatchSettings.Require(EvalSteps >= 1, "--eval-steps", EvalSteps, "integer >= 1");
            if (Resume != null && Out != null) throw new UsageException("--resume: give either --resume DIR or --out DIR, not both");
            return ValidationResult.Success();
        }

        /// <summary>The tabular learner named by --algo, or null for a PPO-family algo.</summary>
        public TabularAlgo? Tabular => Algo.ToLowerInvariant() switch { "jal" => TabularAlgo.Jal, "il" => TabularAlgo.Il, _ => null };

        public TrainConfig BuildConfig()
        {
            var algo = Algo.ToLowerInvariant() switch
            {
                "happo" => PpoAlgorithm.Happo, "mappo" => PpoAlgorithm.Mappo, "ippo" => PpoAlgorithm.Ippo,
                _ => throw new UsageException($"--algo: '{Algo}' is not allowed; allowed: happo|mappo|ippo|jal|il"),
            };
            if (Episodes != null) throw new UsageException($"--episodes: only for --algo jal|il; PPO runs take --steps");
            var dist = Dist.ToLowerInvariant() switch
            {
                "beta" => ContinuousHeadKind.Beta, "gaussian" => ContinuousHeadKind.Gaussian,
                _ => throw new UsageException($"--dist: '{Dist}' is not allowed; allowed: beta|gaussian"),
            };
            PpoOptions options;
            try { options = PpoOptions.Preset(Preset, algo, dist); }
            catch (ArgumentException e) { throw new UsageException(e.Message); }
            var env = SplitSets((key, value) => options = options.With(key, value));
            var config = new TrainConfig
            {
                Scenario = Scenario, Profile = Profile, Env = env, Algo = options, Preset = Preset, Envs = Envs,
                Steps = Steps ?? DefaultSteps, Seed = Seed, Device = Device, CheckpointEvery = CheckpointEvery,
            };
            // Validate the env part now: a bad key must fail before anything is written.
            ScenarioGrid.Build(ScenarioRegistry.Get(Scenario), Profile, env.Select(kv => $"{kv.Key}={kv.Value}"), [], 1);
            return config;
        }

        /// <summary>
        /// Splits --set values: algo.key=value goes to <paramref name="applyAlgo"/> (an ArgumentException becomes a
        /// usage error), env.key=value or key=value into the returned env overrides.
        /// </summary>
        private Dictionary<string, string> SplitSets(Action<string, string> applyAlgo)
        {
            var env = new Dictionary<string, string>();
            foreach (var s in Set)
            {
                int eq = s.IndexOf('=');
                if (eq <= 0 || eq == s.Length - 1) throw new UsageException($"--set '{s}': expected env.key=value or algo.key=value");
                string key = s[..eq], value = s[(eq + 1)..];
                if (key.StartsWith("algo.", StringComparison.Ordinal))
                {
                    try { applyAlgo(key[5..], value); }
                    catch (ArgumentException e) { throw new UsageException(e.Message); }
                }
                else env[key.StartsWith("env.", StringComparison.Ordinal) ? key[4..] : key] = value;
            }
            return env;
        }

        /// <summary>The config of a jal|il run: the tabular preset, then --episodes or --steps, then --set.</summary>
        public TabularTrainConfig BuildTabularConfig()
        {
            var algo = Tabular ?? throw new UsageException($"--algo: '{Algo}' is not a tabular learner; allowed: jal|il");
            if (Scenario != IotMigrationEnv.Id)
                throw new UsageException($"--algo {Algo}: the tabular learners are only valid for --scenario {IotMigrationEnv.Id}; for {Scenario} use happo|mappo|ippo");
            TabularOptions options;
            try { options = TabularOptions.Preset(Preset, algo); }
            catch (ArgumentException e) { throw new UsageException(e.Message); }
            var env = SplitSets((key, value) => options = options.With(key, value));
            var grid = ScenarioGrid.Build(ScenarioRegistry.Get(Scenario), Profile, env.Select(kv => $"{kv.Key}={kv.Value}"), [], 1);
            int h = (int)grid.Value(0, IotMigrationParameters.EpisodeSlots);
            if (Episodes is int episodes) options = options with { Episodes = episodes };
            else if (Steps is long steps) options = options with { Episodes = (int)Math.Min(10_000_000, (steps + h - 1) / h) };
            try { options.Validate(); }
            catch (ArgumentException e) { throw new UsageException($"--set algo: {e.Message}"); }
            return new TabularTrainConfig
            {
                Scenario = Scenario, Profile = Profile, Env = env, Algo = options, Preset = Preset, Envs = Envs,
                Seed = Seed, Device = Device, CheckpointEvery = CheckpointEvery,
            };
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Resume != null && TabularTrainConfig.IsTabularConfig(Path.Combine(settings.Resume, RunDirectory.ConfigFileName)))
            throw new UsageException($"--resume: '{settings.Resume}' is a tabular (jal|il) run; tabular runs are not resumable, start a new one with --out");
        if (settings.Resume == null && settings.Tabular != null) return ExecuteTabular(settings, cancellationToken);
        RunDirectory run;
        TrainConfig config;
        if (settings.Resume != null)
        {
            run = EvalCommand.OpenRun(settings.Resume, "--resume");
            config = run.ReadConfig<TrainConfig>();
        }
        else
        {
            config = settings.BuildConfig();
            // The default name carries the start time, so running the same command twice never collides.
            string path = settings.Out ?? Path.Combine("runs", $"{config.Scenario}-{config.Preset}-s{config.Seed}-{DateTime.Now:yyyyMMdd-HHmmss}");
            run = CreateRun(path);
        }

        bool interrupted = UntilCtrlC(cancellationToken, token =>
        {
            console.MarkupLine($"[bold]train[/] {config.Scenario} {Markup.Escape(config.Preset)} ({config.Algo.Algorithm}, {config.Algo.Distribution}): " +
                $"{config.Envs} envs x {config.Steps} slots = {config.Iterations} iterations of {config.Algo.RolloutSteps} slots, seed {config.Seed} -> {Markup.Escape(run.Path)}");
            if (console.Profile.Capabilities.Interactive)
            {
                console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .Start(ctx =>
                    {
                        var task = ctx.AddTask("training", maxValue: config.Iterations);
                        TrainSession.Run(config, run, settings.Resume != null, r =>
                        {
                            task.Value = r.Iteration;
                            task.Description = Describe(r);
                        }, token);
                    });
            }
            else
            {
                int every = Math.Max(1, config.Iterations / 10);
                TrainSession.Run(config, run, settings.Resume != null, r =>
                {
                    if (r.Iteration % every == 0 || r.Iteration == r.Iterations) console.MarkupLine(Markup.Escape(Describe(r)));
                }, token);
            }
        });
        if (interrupted)
        {
            console.MarkupLine($"[yellow]interrupted: checkpoint saved; continue with[/] gputwin train --resume {Markup.Escape(run.Path)}");
            return GpuTwinApp.ExitOk;
        }
        console.MarkupLine($"[grey]run directory: {Markup.Escape(run.Path)} (config.json, metrics.csv, tensorboard/, checkpoints/, learning_curve.png)[/]");
        if (settings.EvalEpisodes > 0)
        {
            var rows = Evaluation.Run(run, "latest", settings.EvalEpisodes, settings.EvalSteps, config.Seed + 1000, [], config.Device);
            string plot = Path.Combine(run.Path, "eval.png");
            Evaluation.Plot(plot, rows, Evaluation.PlotMetric(rows), "trained policy vs baselines");
            EvalTable.Write(console, rows, json: false, $"trained policy vs baselines: {settings.EvalEpisodes} envs x {settings.EvalSteps} slots, deterministic actions", plot);
        }
        return GpuTwinApp.ExitOk;
    }

    /// <summary>A jal|il run: train, then the greedy tables beside the baselines on the evaluation seeds (seed + 10⁶).</summary>
    private int ExecuteTabular(Settings settings, CancellationToken cancellationToken)
    {
        var config = settings.BuildTabularConfig();
        string path = settings.Out ?? Path.Combine("runs", $"{config.Scenario}-{config.Algo.Algorithm.ToString().ToLowerInvariant()}-s{config.Seed}-{DateTime.Now:yyyyMMdd-HHmmss}");
        var run = CreateRun(path);

        bool interrupted = UntilCtrlC(cancellationToken, token =>
        {
            console.MarkupLine($"[bold]train[/] {config.Scenario} {config.Algo.Algorithm} (tabular, scope {config.Algo.Scope}, α {config.Algo.Alpha}, γ {config.Algo.Gamma}): " +
                $"{config.Envs} envs (independent runs) x {config.Algo.Episodes} episodes, seed {config.Seed} -> {Markup.Escape(run.Path)}");
            int every = Math.Max(1, config.Algo.Episodes / 10);
            TabularSession.Run(config, run, r =>
            {
                if (r.Episode % every == 0 || r.Episode == r.Episodes) console.MarkupLine(Markup.Escape(DescribeEpisode(r)));
            }, token);
        });
        if (interrupted)
        {
            console.MarkupLine($"[yellow]interrupted: the tables of the last finished episode are in[/] {Markup.Escape(run.LatestCheckpointPath)}");
            return GpuTwinApp.ExitOk;
        }
        console.MarkupLine($"[grey]run directory: {Markup.Escape(run.Path)} (config.json, metrics.csv, checkpoints/latest.ckpt, learning_curve.png)[/]");
        if (settings.EvalEpisodes > 0 && config.Algo.EvalEpisodes > 0)
        {
            int h = TabularSession.EpisodeSlots(config);
            ulong seed = config.Seed + config.Algo.EvalSeedOffset;
            var rows = Evaluation.Run(run, "latest", config.Envs, config.Algo.EvalEpisodes * h, seed, [], config.Device);
            string plot = Path.Combine(run.Path, "eval.png");
            Evaluation.Plot(plot, rows, Evaluation.PlotMetric(rows), "trained tables vs baselines");
            EvalTable.Write(console, rows, json: false,
                $"greedy tables vs baselines: {config.Envs} envs x {config.Algo.EvalEpisodes} episodes, seed {seed} (training seed + 10^6)", plot);
        }
        return GpuTwinApp.ExitOk;
    }

    private static string DescribeEpisode(EpisodeReport r)
    {
        string V(string k, string f) => Value(r.Values, k, f);
        return $"episode {r.Episode}/{r.Episodes}  {V("sps", "N0")} env-steps/s  reward {V("reward", "G4")}  latency {V("latency_s", "G3")} s  " +
            $"ε {V("epsilon", "G3")}  |TD| {V("td_error", "G3")}  visited {V("q_visited", "P1")}";
    }

    private static string Describe(IterationReport r)
    {
        string V(string k, string f) => Value(r.Values, k, f);
        return $"iter {r.Iteration}/{r.Iterations}  steps {r.EnvSteps:N0}  {V("sps", "N0")} steps/s  reward {V("reward", "G4")}  energy {V("energy_mj", "G3")} mJ  failure {V("failure_ratio", "G3")}";
    }

    /// <summary>A report value in <paramref name="format"/>, or "-" when it is missing or not finite.</summary>
    private static string Value(IReadOnlyDictionary<string, double> values, string key, string format) =>
        values.TryGetValue(key, out var v) && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "-";

    /// <summary>A new run directory; a path that cannot be one is bad input naming <c>--out</c>.</summary>
    private static RunDirectory CreateRun(string path)
    {
        try { return RunDirectory.Create(path); }
        catch (RunDirectoryException e) { throw new UsageException($"--out: {e.Message}"); }
    }

    /// <summary>
    /// Runs <paramref name="body"/> with a token that Ctrl-C (or <paramref name="outer"/>) cancels; Ctrl-C does not kill
    /// the process, so the body can save a checkpoint. Returns true when it was cancelled.
    /// </summary>
    private static bool UntilCtrlC(CancellationToken outer, Action<CancellationToken> body)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(outer);
        ConsoleCancelEventHandler onCtrlC = (_, e) => { e.Cancel = true; cancel.Cancel(); };
        Console.CancelKeyPress += onCtrlC;
        try
        {
            body(cancel.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCtrlC;
        }
        return cancel.IsCancellationRequested;
    }
}
