namespace GpuTwin.Kernels.Random;

/// <summary>Four 32-bit random words from one Philox block.</summary>
public struct RandomBits4
{
    public uint X, Y, Z, W;
}

/// <summary>
/// Philox4x32-10 (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC'11): a counter-based
/// generator. The output is a pure function of a 64-bit key and a 128-bit counter, so a draw can be
/// recomputed anywhere (host, emulator, GPU thread) from its coordinates alone.
/// </summary>
public static class Philox
{
    private const uint M0 = 0xD2511F53u, M1 = 0xCD9E8D57u;
    private const uint W0 = 0x9E3779B9u, W1 = 0xBB67AE85u;

    public static RandomBits4 Block(uint key0, uint key1, uint c0, uint c1, uint c2, uint c3)
    {
        for (int round = 0; round < 10; round++)
        {
            ulong p0 = (ulong)M0 * c0;
            ulong p1 = (ulong)M1 * c2;
            uint hi0 = (uint)(p0 >> 32), lo0 = (uint)p0;
            uint hi1 = (uint)(p1 >> 32), lo1 = (uint)p1;
            uint n0 = hi1 ^ c1 ^ key0;
            uint n2 = hi0 ^ c3 ^ key1;
            c0 = n0; c1 = lo1; c2 = n2; c3 = lo0;
            key0 += W0; key1 += W1;
        }
        return new RandomBits4 { X = c0, Y = c1, Z = c2, W = c3 };
    }
}
