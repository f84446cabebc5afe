using GpuTwin.VecEnv.Scenarios.IotMigration.Authentication;

namespace GpuTwin.VecEnv.Scenarios.IotMigration;

/// <summary>
/// An authority whose pool sizes are known up front and whose (costly: about 1400 key generations) issuance runs on
/// first use of a verdict or a handshake, i.e. at the env's first reset. Building an env only to read its spec
/// (<c>gputwin scenarios</c>) then issues nothing.
/// </summary>
public sealed class DeferredCredentialAuthority(int poolGood, int poolBad, int edgeServers, Func<ICredentialAuthority> create) : ICredentialAuthority
{
    private ICredentialAuthority? _inner;

    public int PoolGood { get; } = poolGood;
    public int PoolBad { get; } = poolBad;
    public int PoolSize => PoolGood + 5 * PoolBad;
    public int EdgeServers { get; } = edgeServers;
    public int CrlNumber => Inner.CrlNumber;
    public ReadOnlySpan<AuthReason> Verdicts => Inner.Verdicts;
    public long LiveHandshakes => _inner?.LiveHandshakes ?? 0;
    /// <summary>Whether the inner authority has been issued yet.</summary>
    public bool Issued => _inner != null;

    private ICredentialAuthority Inner
    {
        get
        {
            if (_inner != null) return _inner;
            var inner = create();
            if (inner.PoolGood != PoolGood || inner.PoolBad != PoolBad || inner.EdgeServers != EdgeServers)
            {
                inner.Dispose();
                throw new InvalidOperationException("the issued credential authority does not have the announced pool sizes");
            }
            return _inner = inner;
        }
    }

    public AuthReason LiveHandshake(int poolIndex, int server, double simulatedSeconds, ulong seed, int env, int user, int attempt) =>
        Inner.LiveHandshake(poolIndex, server, simulatedSeconds, seed, env, user, attempt);

    public void Dispose() => _inner?.Dispose();
}
