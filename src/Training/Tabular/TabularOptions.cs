using static GpuTwin.Training.AlgoValue;

namespace GpuTwin.Training.Tabular;

/// <summary>
/// Every hyperparameter of the tabular learners in one record (spec §10). Each default is declared once, here.
/// <para>ε schedule (spec §10.1): ε_k = max(ε_min, 1 − (1 − ε_min)·k/K_ε) for episode k, with
/// K_ε = <see cref="EpsilonDecayFraction"/>·<see cref="Episodes"/>: 1500 of the paper's 2000 episodes, and the same
/// shape for shorter budgets.</para>
/// </summary>
public sealed record TabularOptions
{
    /// <summary>The spec's training budget (§2, §12 item 27) and its 20 greedy evaluation episodes (§10.1).</summary>
    public const int PaperEpisodes = 2000, PaperEvalEpisodes = 20;
    /// <summary>The CLI's default preset: about a minute at the defaults (16 envs, ρ = 30) on 2 cores.</summary>
    public const int QuickEpisodes = 20, QuickEvalEpisodes = 2;

    public TabularAlgo Algorithm { get; init; } = TabularAlgo.Jal;
    /// <summary>Learning rate α (constant), in (0, 1].</summary>
    public float Alpha { get; init; } = 0.1f;
    /// <summary>Discount γ, in [0, 1).</summary>
    public float Gamma { get; init; } = 0.9f;
    /// <summary>ε_min, the exploration floor.</summary>
    public float EpsilonMin { get; init; } = 0.01f;
    /// <summary>K_ε / episodes: 0.75 gives the spec's K_ε = 1500 for 2000 episodes.</summary>
    public float EpsilonDecayFraction { get; init; } = 0.75f;
    /// <summary>Training episodes of H slots per env.</summary>
    public int Episodes { get; init; } = PaperEpisodes;
    /// <summary>Greedy evaluation episodes (spec §10.1: 20, seeds apart from training).</summary>
    public int EvalEpisodes { get; init; } = PaperEvalEpisodes;
    /// <summary>Evaluation seed offset: seed + 10⁶ (spec §10.1).</summary>
    public ulong EvalSeedOffset { get; init; } = 1_000_000;
    public JalContextMode JalContext { get; init; } = JalContextMode.Committed;
    public TableScope Scope { get; init; } = TableScope.SharedPerEnv;

    /// <summary>K_ε in episodes (at least 1).</summary>
    public float EpsilonDecayEpisodes => MathF.Max(1f, EpsilonDecayFraction * Episodes);

    /// <summary>ε of episode k (spec §10.1).</summary>
    public float Epsilon(int episode) => TabularRules.Epsilon(episode, EpsilonMin, EpsilonDecayEpisodes);

    public static readonly IReadOnlyDictionary<string, string> PresetDescriptions = new Dictionary<string, string>
    {
        ["quick"] = $"{QuickEpisodes} training and {QuickEvalEpisodes} evaluation episodes: a first look in about a minute on 2 cores",
        ["paper"] = $"{PaperEpisodes} training and {PaperEvalEpisodes} evaluation episodes (spec §10.1: K_ε = 1500, α = 0.1, γ = 0.9)",
    };

    public static TabularOptions Preset(string name, TabularAlgo algorithm) => name switch
    {
        "quick" => new TabularOptions { Algorithm = algorithm, Episodes = QuickEpisodes, EvalEpisodes = QuickEvalEpisodes },
        "paper" => new TabularOptions { Algorithm = algorithm },
        _ => throw new ArgumentException($"--preset '{name}': unknown for tabular learners; allowed: {string.Join("|", PresetDescriptions.Keys)}"),
    };

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option out of range.</summary>
    public TabularOptions Validate()
    {
        if (!(Alpha > 0f && Alpha <= 1f)) throw new ArgumentException($"{nameof(Alpha)}: {Alpha} is not allowed; allowed: (0, 1]");
        if (!(Gamma >= 0f && Gamma < 1f)) throw new ArgumentException($"{nameof(Gamma)}: {Gamma} is not allowed; allowed: [0, 1)");
        if (!(EpsilonMin >= 0f && EpsilonMin <= 1f)) throw new ArgumentException($"{nameof(EpsilonMin)}: {EpsilonMin} is not allowed; allowed: [0, 1]");
        if (!(EpsilonDecayFraction > 0f && EpsilonDecayFraction <= 10f)) throw new ArgumentException($"{nameof(EpsilonDecayFraction)}: {EpsilonDecayFraction} is not allowed; allowed: (0, 10]");
        if (Episodes < 1 || Episodes > 10_000_000) throw new ArgumentException($"{nameof(Episodes)}: {Episodes} is not allowed; allowed: integer in [1, 10000000]");
        if (EvalEpisodes < 0 || EvalEpisodes > 100_000) throw new ArgumentException($"{nameof(EvalEpisodes)}: {EvalEpisodes} is not allowed; allowed: integer in [0, 100000]");
        return this;
    }

    /// <summary>One <c>--set algo.key=value</c> override.</summary>
    public TabularOptions With(string key, string value) => key switch
    {
        "alpha" => this with { Alpha = (float)Real(key, value, 1e-6, 1) },
        "gamma" => this with { Gamma = (float)Real(key, value, 0, 0.999999) },
        "epsilon_min" => this with { EpsilonMin = (float)Real(key, value, 0, 1) },
        "epsilon_decay_fraction" => this with { EpsilonDecayFraction = (float)Real(key, value, 1e-6, 10) },
        "episodes" => this with { Episodes = Int(key, value, 1, 10_000_000) },
        "eval_episodes" => this with { EvalEpisodes = Int(key, value, 0, 100_000) },
        "jal_context" => this with
        {
            JalContext = value.ToLowerInvariant() switch
            {
                "committed" => JalContextMode.Committed, "none" => JalContextMode.None,
                _ => throw Bad(key, value, "committed|none"),
            },
        },
        "scope" => this with { Scope = value.ToLowerInvariant() == "shared-per-env" ? TableScope.SharedPerEnv : throw Bad(key, value, "shared-per-env") },
        _ => throw new ArgumentException($"algo.{key}: unknown key for tabular learners; known keys: {string.Join(", ", Keys)}"),
    };

    public static readonly string[] Keys = ["alpha", "gamma", "epsilon_min", "epsilon_decay_fraction", "episodes", "eval_episodes", "jal_context", "scope"];
}
