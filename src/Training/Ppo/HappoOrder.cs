namespace GpuTwin.Training.Ppo;

/// <summary>How HAPPO nests agents and epochs (spec §10, §12.22).</summary>
public enum HappoOrder
{
    /// <summary>One random permutation per iteration; each agent runs all Rp epochs in its turn (the public HAPPO code).</summary>
    Reference,
    /// <summary>The paper's Algorithm 1: every epoch a new permutation and a fresh M, one epoch per agent turn.</summary>
    Algorithm1,
}
