namespace GpuTwin.Training.Tabular;

/// <summary>The paper's two tabular learners (paper 001, Algorithm 1; spec §10).</summary>
public enum TabularAlgo
{
    /// <summary>Joint-action learners: Q^J[s^J, c, a] with the Claus–Boutilier belief over contexts (spec §10.3).</summary>
    Jal,
    /// <summary>Independent learners: Q^IL[s^IL, a] over the agent's own ring and task size (spec §10.2).</summary>
    Il,
}
