namespace GpuTwin.VecEnv.Running;

/// <summary>
/// The running comparison of one buffer between two devices over a trajectory: how many elements were compared,
/// the largest absolute and relative differences, how many elements were out of tolerance, and the first step
/// with one (−1 when none). NaN on one side only, or ±Inf against a finite value, is out of tolerance.
/// </summary>
public sealed class FieldComparison(string name)
{
    public string Name { get; } = name;
    public bool IsExact { get; private set; }
    public long Compared { get; private set; }
    public long Mismatches { get; private set; }
    public double MaxAbsDiff { get; private set; }
    public double MaxRelDiff { get; private set; }
    public int FirstMismatchStep { get; private set; } = -1;
    public bool Agrees => Mismatches == 0;

    /// <summary>|a − b| ≤ atol + rtol·|a| per element; the relative difference is |a − b| / |a| where a ≠ 0.</summary>
    public void AddFloats(float[] reference, float[] candidate, int step, BackendParity.Tolerance tolerance)
    {
        CheckLengths(reference.Length, candidate.Length);
        for (int i = 0; i < reference.Length; i++)
        {
            double a = reference[i], b = candidate[i];
            Compared++;
            if (a.Equals(b)) continue; // also NaN == NaN and Inf == Inf
            double diff = Math.Abs(a - b);
            bool ok = double.IsFinite(diff) && diff <= tolerance.Absolute + tolerance.Relative * Math.Abs(a);
            if (double.IsFinite(diff))
            {
                MaxAbsDiff = Math.Max(MaxAbsDiff, diff);
                if (a != 0) MaxRelDiff = Math.Max(MaxRelDiff, diff / Math.Abs(a));
            }
            else
            {
                MaxAbsDiff = double.PositiveInfinity;
            }
            if (!ok) Mismatch(step);
        }
    }

    public void AddExact<T>(T[] reference, T[] candidate, int step) where T : IEquatable<T>
    {
        IsExact = true;
        CheckLengths(reference.Length, candidate.Length);
        for (int i = 0; i < reference.Length; i++)
        {
            Compared++;
            if (!reference[i].Equals(candidate[i])) Mismatch(step);
        }
    }

    private void Mismatch(int step)
    {
        Mismatches++;
        if (FirstMismatchStep < 0) FirstMismatchStep = step;
    }

    private void CheckLengths(int a, int b)
    {
        if (a != b) throw new InvalidOperationException($"{Name}: the two devices' buffers differ in length ({a} vs {b})");
    }
}
