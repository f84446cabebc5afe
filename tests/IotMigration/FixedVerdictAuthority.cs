using GpuTwin.VecEnv.Scenarios.IotMigration.Authentication;

namespace GpuTwin.Tests.IotMigration;

/// <summary>
/// Test double of <see cref="ICredentialAuthority"/>: no cryptography, verdicts chosen by the test. By default the
/// pool layout of the real authority (good credentials first, then P_bad of each bad kind 1..5); a custom
/// verdict function can refuse anyone. <see cref="LiveOverride"/> lets a test make live handshakes disagree.
/// </summary>
public sealed class FixedVerdictAuthority : ICredentialAuthority
{
    private readonly AuthReason[] _verdicts;
    private long _live;

    public FixedVerdictAuthority(int poolGood = 1024, int poolBad = 64, int edgeServers = 32, Func<int, AuthReason>? verdict = null)
    {
        PoolGood = poolGood;
        PoolBad = poolBad;
        EdgeServers = edgeServers;
        PoolSize = poolGood + 5 * poolBad;
        _verdicts = new AuthReason[PoolSize];
        for (int p = 0; p < PoolSize; p++)
            _verdicts[p] = verdict?.Invoke(p) ?? (p < poolGood ? AuthReason.Ok : (AuthReason)(1 + (p - poolGood) / poolBad));
    }

    public int PoolGood { get; }
    public int PoolBad { get; }
    public int PoolSize { get; }
    public int EdgeServers { get; }
    public int CrlNumber => 1;
    public ReadOnlySpan<AuthReason> Verdicts => _verdicts;
    public long LiveHandshakes => _live;
    public Func<int, AuthReason>? LiveOverride { get; set; }

    public AuthReason LiveHandshake(int poolIndex, int server, double simulatedSeconds, ulong seed, int env, int user, int attempt)
    {
        _live++;
        return LiveOverride?.Invoke(poolIndex) ?? _verdicts[poolIndex];
    }

    public void Dispose() { }
}
