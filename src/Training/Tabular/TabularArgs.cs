namespace GpuTwin.Training.Tabular;

/// <summary>Uniform scalars of the learner kernels.</summary>
public struct TabularArgs
{
    public float Alpha, Gamma;
    /// <summary>ε_min and K_ε of the schedule; ε is evaluated per env from its episode counter.</summary>
    public float EpsilonMin, EpsilonDecayEpisodes;
    /// <summary>1: ε-greedy (training); 0: greedy, ε = 0 (evaluation).</summary>
    public int Explore;
    /// <summary>1: count contexts N[s, c] and the context histogram (training only).</summary>
    public int Learn;
}
