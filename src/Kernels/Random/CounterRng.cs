using GpuTwin.Kernels.Numerics;

namespace GpuTwin.Kernels.Random;

/// <summary>Four uniform floats in (0, 1].</summary>
public struct Uniform4
{
    public float A, B, C, D;
}

/// <summary>
/// The random source of one environment at one time step: a Philox key (the run seed) plus the counter
/// prefix (env, episode, step). A draw is addressed by (stream, entity), so env i's numbers depend only on
/// (seed, i, episode, step, stream, entity): never on the batch size, the backend or thread scheduling.
/// </summary>
public readonly struct CounterRng
{
    /// <summary>Entities are packed in 20 bits, streams in the 12 bits above them.</summary>
    public const int MaxEntities = 1 << 20;
    public const int MaxStreams = 1 << 12;

    private readonly uint _key0, _key1, _env, _episode, _step;

    public CounterRng(ulong seed, int env, int episode, int step)
    {
        _key0 = (uint)seed;
        _key1 = (uint)(seed >> 32);
        _env = (uint)env;
        _episode = (uint)episode;
        _step = (uint)step;
    }

    public RandomBits4 Bits(int stream, int entity) =>
        Philox.Block(_key0, _key1, _env, _episode, _step, ((uint)stream << 20) | ((uint)entity & 0xFFFFFu));

    /// <summary>Maps the top 24 bits to (0, 1]: never 0, so log(u) is finite.</summary>
    public static float ToUnitOpenClosed(uint bits) => ((bits >> 8) + 1u) * (1f / 16777216f);

    public Uniform4 Uniforms(int stream, int entity)
    {
        var b = Bits(stream, entity);
        return new Uniform4
        {
            A = ToUnitOpenClosed(b.X),
            B = ToUnitOpenClosed(b.Y),
            C = ToUnitOpenClosed(b.Z),
            D = ToUnitOpenClosed(b.W),
        };
    }

    public float Uniform(int stream, int entity) => ToUnitOpenClosed(Bits(stream, entity).X);

    /// <summary>Two independent standard normals (Box-Muller on the first two words).</summary>
    public void Normal2(int stream, int entity, out float z0, out float z1)
    {
        var u = Uniforms(stream, entity);
        BoxMuller(u.A, u.B, out z0, out z1);
    }

    /// <summary>Four independent standard normals from one block (Box-Muller on both word pairs): half the Philox work of two <see cref="Normal2"/>.</summary>
    public void Normal4(int stream, int entity, out float z0, out float z1, out float z2, out float z3)
    {
        var u = Uniforms(stream, entity);
        BoxMuller(u.A, u.B, out z0, out z1);
        BoxMuller(u.C, u.D, out z2, out z3);
    }

    /// <summary>Standard normals from uniforms in (0, 1]: r = sqrt(-2 ln u1), angle 2π u2.</summary>
    public static void BoxMuller(float u1, float u2, out float z0, out float z1)
    {
        float r = FMath.Sqrt(-2f * FMath.Log(u1));
        float a = FMath.TwoPi * u2;
        z0 = r * FMath.Cos(a);
        z1 = r * FMath.Sin(a);
    }

    /// <summary>Uniform integer in [0, n) from a uniform in (0, 1].</summary>
    public static int ToIndex(float u, int n)
    {
        int i = (int)((1f - u) * n);
        return i >= n ? n - 1 : (i < 0 ? 0 : i);
    }
}
