using GpuTwin.Training.Networks;
using static GpuTwin.Training.AlgoValue;

namespace GpuTwin.Training.Ppo;

/// <summary>
/// Every hyperparameter of the PPO family in one record. Defaults are the paper's (spec §8/§10): hidden
/// [128, 64], lr 1e-4, γ 0.9, GAE λ 0.95, clip 0.2, entropy 0.01, Rp = 25 epochs on 1 full-batch minibatch,
/// Adam eps 1e-5, grad-norm clip 10, ValueNorm and advantage normalisation on.
/// </summary>
public sealed record PpoOptions
{
    public PpoAlgorithm Algorithm { get; init; } = PpoAlgorithm.Happo;
    public ContinuousHeadKind Distribution { get; init; } = ContinuousHeadKind.Beta;
    public int[] Hidden { get; init; } = [128, 64];
    public Activation Activation { get; init; } = Activation.ReLU;
    public bool InputLayerNorm { get; init; }
    /// <summary>Gaussian heads: log σ from the features instead of one free parameter per dimension.</summary>
    public bool StateDependentStd { get; init; }
    /// <summary>
    /// One actor per agent group (parameter sharing, the default for MAPPO/IPPO) or one per agent (the paper's
    /// HAPPO: K + M + 1 heterogeneous actors, each updated in turn).
    /// </summary>
    public bool ShareWithinGroup { get; init; } = true;
    public double ActorLr { get; init; } = 1e-4;
    public double CriticLr { get; init; } = 1e-4;
    public double AdamEps { get; init; } = 1e-5;
    /// <summary>Discount γ.</summary>
    public double Gamma { get; init; } = 0.9;
    /// <summary>GAE λ (the paper's ρ).</summary>
    public double GaeLambda { get; init; } = 0.95;
    /// <summary>PPO clip range (the paper's ε; renamed, spec §12.15).</summary>
    public double ClipRange { get; init; } = 0.2;
    /// <summary>Entropy bonus ψ.</summary>
    public double EntropyCoef { get; init; } = 0.01;
    /// <summary>Rp: passes over the batch per update.</summary>
    public int Epochs { get; init; } = 25;
    public int Minibatches { get; init; } = 1;
    public double MaxGradNorm { get; init; } = 10;
    /// <summary>Clip the value change per update to ± this (0 = off), as in MAPPO's value clipping.</summary>
    public double ValueClip { get; init; }
    public bool ValueNorm { get; init; } = true;
    public bool AdvantageNorm { get; init; } = true;
    /// <summary>Slots collected per env per update (throughput mode: one frame).</summary>
    public int RolloutSteps { get; init; } = 100;
    /// <summary>HAPPO update order (spec §10): the reference implementation's, or Algorithm 1's nesting.</summary>
    public HappoOrder HappoOrder { get; init; } = HappoOrder.Reference;
    /// <summary>HAPPO: |log M| is clamped here; hits are counted (spec §10).</summary>
    public double LogFactorClamp { get; init; } = 10;

    public static readonly IReadOnlyDictionary<string, string> PresetDescriptions = new Dictionary<string, string>
    {
        ["paper"] = "the paper's hyperparameters with the chosen --algo/--dist",
        ["Beta-HAPPO"] = "paper hyperparameters, HAPPO, Beta heads (the paper's method)",
        ["Gaussian-HAPPO"] = "paper hyperparameters, HAPPO, Gaussian heads",
        ["Beta-MAPPO"] = "paper hyperparameters, MAPPO, Beta heads",
        ["quick"] = "a CPU demo: lr 3e-4, 8 epochs, 50-slot rollouts (learns in minutes on 2 cores)",
    };

    /// <summary>A named preset; <c>paper</c> and <c>quick</c> keep the given algorithm and distribution, the others fix them.</summary>
    public static PpoOptions Preset(string name, PpoAlgorithm algorithm, ContinuousHeadKind distribution)
    {
        var paper = new PpoOptions { Algorithm = algorithm, Distribution = distribution };
        return name switch
        {
            "paper" => paper,
            "Beta-HAPPO" => paper with { Algorithm = PpoAlgorithm.Happo, Distribution = ContinuousHeadKind.Beta },
            "Gaussian-HAPPO" => paper with { Algorithm = PpoAlgorithm.Happo, Distribution = ContinuousHeadKind.Gaussian },
            "Beta-MAPPO" => paper with { Algorithm = PpoAlgorithm.Mappo, Distribution = ContinuousHeadKind.Beta },
            "quick" => paper with { ActorLr = 3e-4, CriticLr = 3e-4, Epochs = 8, RolloutSteps = 50 },
            _ => throw new ArgumentException($"--preset '{name}': unknown; allowed: {string.Join("|", PresetDescriptions.Keys)}"),
        };
    }

    /// <summary>Applies <c>key=value</c> (the part after <c>algo.</c>); the error names the key and its range.</summary>
    public PpoOptions With(string key, string value) => key switch
    {
        "actor_lr" => this with { ActorLr = Real(key, value, 1e-8, 1) },
        "critic_lr" => this with { CriticLr = Real(key, value, 1e-8, 1) },
        "lr" => this with { ActorLr = Real(key, value, 1e-8, 1), CriticLr = Real(key, value, 1e-8, 1) },
        "adam_eps" => this with { AdamEps = Real(key, value, 1e-12, 1) },
        "gamma" => this with { Gamma = Real(key, value, 0, 1) },
        "gae_lambda" => this with { GaeLambda = Real(key, value, 0, 1) },
        "clip" => this with { ClipRange = Real(key, value, 0.001, 10) },
        "entropy" => this with { EntropyCoef = Real(key, value, 0, 10) },
        "epochs" => this with { Epochs = Int(key, value, 1, 1000) },
        "minibatches" => this with { Minibatches = Int(key, value, 1, 4096) },
        "max_grad_norm" => this with { MaxGradNorm = Real(key, value, 0.001, 1e6) },
        "value_clip" => this with { ValueClip = Real(key, value, 0, 1e6) },
        "value_norm" => this with { ValueNorm = Bool(key, value) },
        "adv_norm" => this with { AdvantageNorm = Bool(key, value) },
        "layer_norm" => this with { InputLayerNorm = Bool(key, value) },
        "state_dependent_std" => this with { StateDependentStd = Bool(key, value) },
        "share" => this with { ShareWithinGroup = Bool(key, value) },
        "happo_order" => this with { HappoOrder = value.ToLowerInvariant() switch { "reference" => HappoOrder.Reference, "algorithm1" => HappoOrder.Algorithm1, _ => throw Bad(key, value, "reference|algorithm1") } },
        "rollout" => this with { RolloutSteps = Int(key, value, 1, 100_000) },
        "log_factor_clamp" => this with { LogFactorClamp = Real(key, value, 0.1, 100) },
        "hidden" => this with { Hidden = Hiddens(key, value) },
        "activation" => this with { Activation = value.ToLowerInvariant() switch { "relu" => Activation.ReLU, "tanh" => Activation.Tanh, _ => throw Bad(key, value, "relu|tanh") } },
        _ => throw new ArgumentException($"algo.{key}: unknown key; known keys: {string.Join(", ", Keys)}"),
    };

    public static readonly string[] Keys =
    [
        "actor_lr", "critic_lr", "lr", "adam_eps", "gamma", "gae_lambda", "clip", "entropy", "epochs", "minibatches",
        "max_grad_norm", "value_clip", "value_norm", "adv_norm", "layer_norm", "state_dependent_std", "share", "happo_order", "rollout", "log_factor_clamp", "hidden", "activation",
    ];


    private static int[] Hiddens(string key, string value)
    {
        var parts = value.Split(new[] { ',', 'x', ' ' }, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) throw Bad(key, value, "sizes like 128,64");
        return parts.Select(p => Int(key, p, 1, 65536)).ToArray();
    }
}
