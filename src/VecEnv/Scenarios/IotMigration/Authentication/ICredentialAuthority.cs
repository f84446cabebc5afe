namespace GpuTwin.VecEnv.Scenarios.IotMigration.Authentication;

/// <summary>
/// The host-side trust infrastructure of one run (spec iot_migration.md §6.A): a trusted authority, a pool of
/// user credentials (good ones first, then P_bad of each bad kind in <see cref="AuthReason"/> order 1..5) and
/// one credential per edge server. Keys never leave the implementation; the env sees only verdict bytes.
/// </summary>
public interface ICredentialAuthority : IDisposable
{
    /// <summary>P_good: good user credentials, pool indices 0..P_good−1.</summary>
    int PoolGood { get; }
    /// <summary>P_bad: credentials of each bad kind; kind k (1..5) occupies P_good + (k−1)·P_bad ..</summary>
    int PoolBad { get; }
    /// <summary>P_good + 5·P_bad.</summary>
    int PoolSize { get; }
    int EdgeServers { get; }
    /// <summary>The CRL version the cached verdicts were computed against (the cache key with the pool index).</summary>
    int CrlNumber { get; }

    /// <summary>Cached verdict per pool index, from one live handshake per credential at creation (§6.A.5).</summary>
    ReadOnlySpan<AuthReason> Verdicts { get; }

    /// <summary>
    /// A fresh, full handshake (§6.A.3 steps 1–7, new nonces and signatures) of pool credential
    /// <paramref name="poolIndex"/> against edge server <paramref name="server"/> at simulated time
    /// <paramref name="simulatedSeconds"/> after SimEpoch. The nonce key (seed, env, user, server, attempt) makes
    /// Deterministic-mode nonces reproducible. Throws InvalidOperationException when the CRL is not current at that
    /// time (revocation never fails open), ArgumentOutOfRangeException for an index or time out of range.
    /// </summary>
    AuthReason LiveHandshake(int poolIndex, int server, double simulatedSeconds, ulong seed, int env, int user, int attempt);

    /// <summary>Live handshakes run so far (creation, audits, live-mode joins).</summary>
    long LiveHandshakes { get; }
}
