namespace GpuTwin.Training.Tabular;

/// <summary>What the JAL context c holds (spec §10.3).</summary>
public enum JalContextMode
{
    /// <summary>c = 4·k1 + k2: binned loads committed by earlier agents on the agent's server j and target j' (16 contexts).</summary>
    Committed,
    /// <summary>Ablation: one context, so JAL is "IL with global information" (the JAL state without c).</summary>
    None,
}
