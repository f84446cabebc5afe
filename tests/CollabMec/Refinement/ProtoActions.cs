namespace GpuTwin.Tests.CollabMec.Refinement;

/// <summary>Proto-actions â for a <see cref="MecCase"/>: random, the corner families of spec §11, and encode(x, Target, ŵ).</summary>
public static class ProtoActions
{
    public enum Kind { Uniform, AllOnes, AllZeros, Ties, Wild }

    /// <summary>
    /// Uniform: U[0, 1). AllOnes / AllZeros. Ties: x̂ = 1 − ŷ exactly and equal ŷ across BSs (dyadic values, so the
    /// sums are exact). Wild: out-of-range values, NaN and ±∞ (the S3 input guard).
    /// </summary>
    public static float[] Make(MecCase c, Kind kind, int seed)
    {
        var rng = new System.Random(seed);
        var a = new float[c.ProtoLength];
        int w = c.ProtoWidth;
        float[] wild = [float.NaN, float.PositiveInfinity, float.NegativeInfinity, -0.5f, 1.5f, 0f, 1f, 0.5f];
        for (int d = 0; d < c.E * c.Slots; d++)
        {
            int p0 = d * w;
            switch (kind)
            {
                case Kind.Uniform:
                    for (int k = 0; k < w; k++) a[p0 + k] = (float)rng.NextDouble();
                    break;
                case Kind.AllOnes:
                    for (int k = 0; k < w; k++) a[p0 + k] = 1f;
                    break;
                case Kind.AllZeros:
                    break;
                case Kind.Ties:
                    float y = rng.Next(17) / 16f;
                    for (int b = 0; b < c.N; b++) a[p0 + 1 + b] = rng.NextDouble() < 0.7 ? y : rng.Next(17) / 16f;
                    a[p0] = rng.NextDouble() < 0.5 ? 1f - y : 1f - y + 1f / 16f;
                    a[p0 + w - 1] = rng.Next(17) / 16f;
                    break;
                case Kind.Wild:
                    for (int k = 0; k < w; k++) a[p0 + k] = rng.NextDouble() < 0.5 ? wild[rng.Next(wild.Length)] : (float)rng.NextDouble();
                    break;
            }
        }
        return a;
    }

    /// <summary>encode of spec I7: x̂ = x, ŷ = onehot(Target), ŵ = clamp(ŵ, 1e−6, 1) on active slots; padded slots 0.</summary>
    public static float[] Encode(MecCase c, DecodeResult r, float[] proto)
    {
        var a = new float[c.ProtoLength];
        int w = c.ProtoWidth;
        for (int d = 0; d < c.E * c.Slots; d++)
        {
            if (c.DevActive[d] == 0) continue;
            int p0 = d * w;
            a[p0] = r.Offload[d];
            if (r.Target[d] >= 0) a[p0 + 1 + r.Target[d]] = 1f;
            float raw = proto[p0 + w - 1];
            float clamped = raw >= 0f ? (raw <= 1f ? raw : 1f) : 0f;
            a[p0 + w - 1] = Math.Max(clamped, 1e-6f);
        }
        return a;
    }
}
