namespace GpuTwin.Training.Tabular;

/// <summary>
/// The learner logs of spec §7 since the last clear, averaged over envs: mean |TD error| per update, the fraction of
/// Q entries updated at least once, and the entropy (bits) of the JAL decisions' contexts (0 for IL).
/// </summary>
public sealed record LearnerLog(double MeanAbsTdError, double VisitedFraction, double ContextEntropyBits, long Updates);
