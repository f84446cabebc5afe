using System.Security.Cryptography;

namespace GpuTwin.VecEnv.Scenarios.IotMigration.Authentication;

/// <summary>
/// The real X.509 / ECDSA P-256 trust infrastructure of one run (spec iot_migration.md §6.A): the TA, a pool of
/// user credentials (P_good good ones, then P_bad each of Expired, WrongIssuer, Tampered, Revoked, WrongKey), one
/// credential per edge server and the TA's CRL (number 1). At creation every pool credential runs one live
/// handshake against edge 0 (the verdict cache, asserted against its intended reason) and the edge servers
/// authenticate each other pairwise. Private keys stay inside; the public surface hands out only certificates,
/// the CRL, verdicts and signatures. <see cref="LiveHandshake"/> calls are serialised internally; a message-level
/// session (<see cref="OpenUserSession"/>, <see cref="OpenEdgeSession"/>) belongs to one thread.
/// </summary>
public sealed class X509CredentialAuthority : ICredentialAuthority
{
    /// <summary>Certificate CNs carry six digits ("user-{id:D6}").</summary>
    public const int MaxPoolSize = 1_000_000;
    public const int MaxEdgeServers = 1000;
    private const int BadKinds = 5;

    private readonly object _gate = new();
    private readonly TrustedAuthority _authority;
    private readonly ECDsa _trustAnchorKey;
    private readonly Credential[] _pool;
    private readonly Credential[] _edges;
    private readonly CertificateVerifier _verifier;
    private readonly byte[] _crlDer;
    private readonly AuthReason[] _verdicts;
    private long _liveHandshakes;
    private bool _disposed;

    public X509CredentialAuthority(int poolGood = 1024, int poolBad = 64, int edgeServers = 15,
        NonceMode nonceMode = NonceMode.Deterministic, DateTimeOffset? simEpoch = null)
    {
        if (poolGood < 1 || poolGood > MaxPoolSize)
            throw new ArgumentOutOfRangeException(nameof(poolGood), poolGood, $"poolGood must be in [1, {MaxPoolSize}]");
        if (poolBad < 0 || (long)poolGood + BadKinds * (long)poolBad > MaxPoolSize)
            throw new ArgumentOutOfRangeException(nameof(poolBad), poolBad, $"poolBad must be in [0, ({MaxPoolSize} − poolGood)/5]");
        if (edgeServers < 1 || edgeServers > MaxEdgeServers)
            throw new ArgumentOutOfRangeException(nameof(edgeServers), edgeServers, $"edgeServers must be in [1, {MaxEdgeServers}]");
        if (nonceMode is not (NonceMode.Deterministic or NonceMode.Secure))
            throw new ArgumentOutOfRangeException(nameof(nonceMode), nonceMode, "nonceMode must be Deterministic or Secure");

        PoolGood = poolGood;
        PoolBad = poolBad;
        PoolSize = poolGood + BadKinds * poolBad;
        EdgeServers = edgeServers;
        NonceMode = nonceMode;
        SimEpoch = (simEpoch ?? X509Profile.DefaultSimEpoch).ToUniversalTime();

        _authority = new TrustedAuthority(SimEpoch);
        _trustAnchorKey = _authority.ExportPublicKey();
        _pool = IssuePool(out var revoked);
        _edges = new Credential[edgeServers];
        for (int m = 0; m < edgeServers; m++) _edges[m] = _authority.IssueEdge(m, PoolSize + m);
        _crlDer = _authority.BuildCrl(revoked, crlNumber: 1);
        var crl = RevocationList.Parse(_crlDer, _trustAnchorKey, _authority.SubjectName);
        CrlNumber = (int)crl.Number;
        _verifier = new CertificateVerifier(_trustAnchorKey, _authority.SubjectName, _authority.KeyIdentifier, crl);

        var crlEnd = crl.NextUpdate - SimEpoch;
        MaxSimulatedSeconds = Math.Min(crlEnd.TotalSeconds, X509Profile.CredentialLifetime.TotalSeconds);
        _verdicts = BuildVerdictCache();
        ServerHandshakes = AuthenticateServersPairwise();
    }

    public int PoolGood { get; }
    public int PoolBad { get; }
    public int PoolSize { get; }
    public int EdgeServers { get; }
    public int CrlNumber { get; }
    public NonceMode NonceMode { get; }
    /// <summary>t_v = SimEpoch + simulated seconds; the certificate and CRL times are relative to it.</summary>
    public DateTimeOffset SimEpoch { get; }
    public ReadOnlySpan<AuthReason> Verdicts => _verdicts;

    /// <summary>
    /// User handshakes run so far: PoolSize at creation, then one per <see cref="LiveHandshake"/> call. The
    /// startup edge-to-edge handshakes are counted apart in <see cref="ServerHandshakes"/>.
    /// </summary>
    public long LiveHandshakes => Interlocked.Read(ref _liveHandshakes);

    /// <summary>
    /// Exclusive bound on the simulated time (s after SimEpoch) at which verification is defined: the tighter of
    /// the CRL's nextUpdate (30 d) and the good credentials' notAfter (365 d). A run planned past it is a
    /// configuration error (spec §6.A.1); verification at or beyond it throws.
    /// </summary>
    public double MaxSimulatedSeconds { get; }
    /// <summary>Edge-to-edge mutual authentications run at startup: N(N−1)/2.</summary>
    public int ServerHandshakes { get; }

    /// <summary>The verdict the pool layout intends for <paramref name="poolIndex"/>: Ok for good, else its kind.</summary>
    public AuthReason IntendedVerdict(int poolIndex)
    {
        CheckPoolIndex(poolIndex);
        return poolIndex < PoolGood ? AuthReason.Ok : (AuthReason)(1 + (poolIndex - PoolGood) / PoolBad);
    }

    /// <summary>Pool index of the <paramref name="ordinal"/>-th credential of <paramref name="kind"/> (Ok = good).</summary>
    public int PoolIndexOf(AuthReason kind, int ordinal)
    {
        if (kind == AuthReason.Ok)
        {
            if ((uint)ordinal >= (uint)PoolGood) throw new ArgumentOutOfRangeException(nameof(ordinal), ordinal, $"a good ordinal must be in [0, {PoolGood - 1}]");
            return ordinal;
        }
        if (kind < AuthReason.Expired || kind > AuthReason.WrongKey)
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "kind must be Ok or a bad kind Expired..WrongKey");
        if ((uint)ordinal >= (uint)PoolBad) throw new ArgumentOutOfRangeException(nameof(ordinal), ordinal, $"a bad ordinal must be in [0, {PoolBad - 1}]");
        return PoolGood + ((int)kind - 1) * PoolBad + ordinal;
    }

    /// <summary>t_v for a simulated time in seconds after SimEpoch.</summary>
    public DateTimeOffset VerificationTime(double simulatedSeconds)
    {
        if (!double.IsFinite(simulatedSeconds))
            throw new ArgumentOutOfRangeException(nameof(simulatedSeconds), simulatedSeconds, "simulatedSeconds must be finite");
        return SimEpoch + TimeSpan.FromSeconds(simulatedSeconds);
    }

    /// <summary>The TA certificate (DER copy, public key only): the trust anchor users and servers are given.</summary>
    public byte[] GetTrustAnchorDer() => (byte[])_authority.CertificateDer.Clone();

    /// <summary>The CRL distributed to every edge server (DER copy).</summary>
    public byte[] GetCrlDer() => (byte[])_crlDer.Clone();

    /// <summary>The certificate pool credential <paramref name="poolIndex"/> presents (DER copy).</summary>
    public byte[] GetCertificateDer(int poolIndex)
    {
        CheckPoolIndex(poolIndex);
        return (byte[])_pool[poolIndex].CertificateDer.Clone();
    }

    public byte[] GetEdgeCertificateDer(int server)
    {
        CheckServer(server);
        return (byte[])_edges[server].CertificateDer.Clone();
    }

    /// <summary>Nonces of one attempt, per <see cref="NonceMode"/>.</summary>
    public HandshakeNonces CreateNonces(ulong seed, int env, int user, int server, int attempt) =>
        HandshakeNonces.Create(NonceMode, seed, env, user, server, attempt);

    /// <summary>The device side of a handshake for pool credential <paramref name="poolIndex"/> (message level).</summary>
    public UserSession OpenUserSession(int poolIndex, double simulatedSeconds, HandshakeNonces nonces)
    {
        CheckPoolIndex(poolIndex);
        ArgumentNullException.ThrowIfNull(nonces);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new UserSession(_pool[poolIndex], _verifier, VerificationTime(simulatedSeconds), nonces, X509Profile.ServerAuthOid);
    }

    /// <summary>Edge server <paramref name="server"/>'s side of a user handshake (message level).</summary>
    public EdgeSession OpenEdgeSession(int server, double simulatedSeconds, HandshakeNonces nonces)
    {
        CheckServer(server);
        ArgumentNullException.ThrowIfNull(nonces);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new EdgeSession(_edges[server], _verifier, VerificationTime(simulatedSeconds), nonces, X509Profile.ClientAuthOid);
    }

    public AuthReason LiveHandshake(int poolIndex, int server, double simulatedSeconds, ulong seed, int env, int user, int attempt)
    {
        CheckPoolIndex(poolIndex);
        CheckServer(server);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var nonces = CreateNonces(seed, env, user, server, attempt);
            var at = VerificationTime(simulatedSeconds);
            using var device = new UserSession(_pool[poolIndex], _verifier, at, nonces, X509Profile.ServerAuthOid);
            using var edge = new EdgeSession(_edges[server], _verifier, at, nonces, X509Profile.ClientAuthOid);
            _liveHandshakes++;
            return Run(device, edge);
        }
    }

    /// <summary>Messages 3–9 in order; the first refusal ends the handshake.</summary>
    internal static AuthReason Run(UserSession device, EdgeSession edge)
    {
        var reason = edge.ReceiveCertificate(device.CertificateDerShared);
        if (reason != AuthReason.Ok) return reason;
        if (device.ReceiveServerCertificate(edge.CertificateDerShared) != AuthReason.Ok) return AuthReason.ServerRejected;
        reason = edge.ReceiveHello(device.R1, device.Hello());
        if (reason != AuthReason.Ok) return reason;
        if (device.ReceiveResponse(edge.R2, edge.Respond()) != AuthReason.Ok) return AuthReason.ServerRejected;
        return edge.ReceiveFinish(device.Finish());
    }

    /// <summary>Issues the pool in index order of kinds; the credentials are independent, so threads share the work.</summary>
    private Credential[] IssuePool(out List<byte[]> revoked)
    {
        var pool = new Credential[PoolSize];
        using var rogue = new TrustedAuthority(SimEpoch);
        Parallel.For(0, PoolSize, p =>
        {
            pool[p] = IntendedVerdict(p) switch
            {
                AuthReason.Expired => _authority.IssueUser(p, SimEpoch - X509Profile.ExpiredStart, SimEpoch - X509Profile.CredentialLead),
                AuthReason.WrongIssuer => rogue.IssueUser(p),
                AuthReason.Tampered => TrustedAuthority.Tamper(_authority.IssueUser(p)),
                AuthReason.WrongKey => _authority.IssueUser(p, deviceKey: true),
                _ => _authority.IssueUser(p),
            };
        });
        revoked = Enumerable.Range(0, PoolBad).Select(j => pool[PoolIndexOf(AuthReason.Revoked, j)].CertificateDer).ToList();
        return pool;
    }

    /// <summary>
    /// One live handshake per pool credential against edge 0 at t_v = SimEpoch, nonce key (0, 0, p, 0, 0). Workers
    /// take strided slices of the pool; each owns its copies of the edge-0 key and of the TA public key, so no
    /// ECDsa object is used by two threads. Every verdict must be the one the pool layout intends.
    /// </summary>
    private AuthReason[] BuildVerdictCache()
    {
        var verdicts = new AuthReason[PoolSize];
        var at = VerificationTime(0);
        int workers = Math.Clamp(PoolSize / 64, 1, Environment.ProcessorCount);
        Parallel.For(0, workers, w =>
        {
            using var edge = _edges[0].Replica();
            using var trustAnchor = ECDsa.Create(_trustAnchorKey.ExportParameters(false));
            var verifier = new CertificateVerifier(trustAnchor, _authority.SubjectName, _authority.KeyIdentifier, _verifier.Crl);
            for (int p = w; p < PoolSize; p += workers)
            {
                var nonces = CreateNonces(0, 0, p, 0, 0);
                using var device = new UserSession(_pool[p], verifier, at, nonces, X509Profile.ServerAuthOid);
                using var server = new EdgeSession(edge, verifier, at, nonces, X509Profile.ClientAuthOid);
                verdicts[p] = Run(device, server);
            }
        });
        Interlocked.Add(ref _liveHandshakes, PoolSize);
        for (int p = 0; p < PoolSize; p++)
        {
            if (verdicts[p] != IntendedVerdict(p))
                throw new InvalidOperationException(
                    $"pool credential {p} verified as {verdicts[p]} but was issued as {IntendedVerdict(p)}: the credential pool is inconsistent");
        }
        return verdicts;
    }

    /// <summary>
    /// Every pair (a &lt; b) once at t_v = SimEpoch: a initiates with its edge credential (the user role, expecting
    /// server auth from b), b responds expecting server auth from a; both check each other's certificate and
    /// signatures. Nonce key (seed 0, env −1, a, b, 0).
    /// </summary>
    private int AuthenticateServersPairwise()
    {
        int count = 0;
        for (int a = 0; a < EdgeServers; a++)
        for (int b = a + 1; b < EdgeServers; b++)
        {
            var nonces = CreateNonces(0, -1, a, b, 0);
            var at = VerificationTime(0);
            using var initiator = new UserSession(_edges[a], _verifier, at, nonces, X509Profile.ServerAuthOid);
            using var responder = new EdgeSession(_edges[b], _verifier, at, nonces, X509Profile.ServerAuthOid);
            var reason = Run(initiator, responder);
            if (reason != AuthReason.Ok)
                throw new InvalidOperationException($"edge servers {a} and {b} failed mutual authentication: {reason}");
            count++;
        }
        return count;
    }

    private void CheckPoolIndex(int poolIndex)
    {
        if ((uint)poolIndex >= (uint)PoolSize)
            throw new ArgumentOutOfRangeException(nameof(poolIndex), poolIndex, $"poolIndex must be in [0, {PoolSize - 1}]");
    }

    private void CheckServer(int server)
    {
        if ((uint)server >= (uint)EdgeServers)
            throw new ArgumentOutOfRangeException(nameof(server), server, $"server must be in [0, {EdgeServers - 1}]");
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            foreach (var credential in _pool) credential.Dispose();
            foreach (var credential in _edges) credential.Dispose();
            _trustAnchorKey.Dispose();
            _authority.Dispose();
        }
    }
}
