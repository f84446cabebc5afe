namespace GpuTwin.VecEnv.Metrics;

/// <summary>
/// A reported metric: Scale · Σ numerator / Σ denominator over the accumulated counters (denominator −1 = none).
/// NaN when the denominator is 0 (e.g. mean delay with no successful request).
/// </summary>
public sealed record MetricDef(string Name, string Unit, string Description, int Numerator, int Denominator, double Scale = 1.0, bool Headline = false);
