using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace GpuTwin.VecEnv.Scenarios.IotMigration.Authentication;

/// <summary>
/// The two 32-byte challenges of one handshake: R1 is chosen by the user and signed in m5, R2 by the edge server
/// and signed in m7 and m9 (spec iot_migration.md §6.A.3 step 7). The accessors return copies.
/// </summary>
public sealed class HandshakeNonces
{
    public const int Bytes = 32;

    private readonly byte[] _r1;
    private readonly byte[] _r2;

    private HandshakeNonces(byte[] r1, byte[] r2)
    {
        _r1 = r1;
        _r2 = r2;
    }

    public byte[] R1 => (byte[])_r1.Clone();
    public byte[] R2 => (byte[])_r2.Clone();

    internal ReadOnlySpan<byte> R1Span => _r1;
    internal ReadOnlySpan<byte> R2Span => _r2;

    /// <summary>
    /// Deterministic mode: R1/R2 = SHA-256 of seed (8 bytes), env, user, server, attempt (4 bytes each, all
    /// big-endian), then the ASCII label "R1" or "R2". Secure mode ignores the key and draws fresh random bytes.
    /// </summary>
    public static HandshakeNonces Create(NonceMode mode, ulong seed, int env, int user, int server, int attempt)
    {
        if (mode == NonceMode.Secure)
        {
            var r1 = new byte[Bytes];
            var r2 = new byte[Bytes];
            RandomNumberGenerator.Fill(r1);
            RandomNumberGenerator.Fill(r2);
            return new HandshakeNonces(r1, r2);
        }
        if (mode != NonceMode.Deterministic)
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "NonceMode must be Deterministic or Secure");
        return new HandshakeNonces(Derive(seed, env, user, server, attempt, "R1"), Derive(seed, env, user, server, attempt, "R2"));
    }

    private static byte[] Derive(ulong seed, int env, int user, int server, int attempt, string label)
    {
        Span<byte> key = stackalloc byte[8 + 4 * 4 + 2];
        BinaryPrimitives.WriteUInt64BigEndian(key, seed);
        BinaryPrimitives.WriteInt32BigEndian(key[8..], env);
        BinaryPrimitives.WriteInt32BigEndian(key[12..], user);
        BinaryPrimitives.WriteInt32BigEndian(key[16..], server);
        BinaryPrimitives.WriteInt32BigEndian(key[20..], attempt);
        Encoding.ASCII.GetBytes(label, key[24..]);
        return SHA256.HashData(key);
    }
}
