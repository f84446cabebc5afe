using BenchmarkDotNet.Attributes;
using GpuTwin.VecEnv.Scenarios.IotMigration.Authentication;

namespace GpuTwin.Benchmarks.Auth;

/// <summary>
/// Host cost of the iot-migration trust infrastructure (spec iot_migration.md §6.A). CreateAuthority issues a
/// pool (TA, P_good + 5·P_bad user credentials, N edge credentials, the CRL) and runs its creation pass (one live
/// handshake per credential, N(N−1)/2 edge pairs); one operation = one whole pool. LiveHandshake is one
/// fresh full handshake (messages 3–9, new nonces and signatures) of a good credential. CachedVerdict is the
/// join-path lookup the env does instead; one operation = one lookup.
/// Filter: <c>--filter '*Credential*'</c>.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
[CategoriesColumn]
[BenchmarkCategory("iot-auth")]
public class CredentialBenchmarks
{
    private const int EdgeServers = 15;
    private const int Lookups = 4096;
    private X509CredentialAuthority? _authority;
    private int _attempt;

    /// <summary>Good credentials in the pool; P_bad = P_good / 16 (the spec's 1024 : 64 ratio).</summary>
    [Params(64, 1024)]
    public int PoolGood { get; set; }

    private int PoolBad => PoolGood / 16;
    private int PoolSize => PoolGood + 5 * PoolBad;

    [GlobalSetup(Targets = [nameof(LiveHandshake), nameof(CachedVerdict)])]
    public void Setup() => _authority = new X509CredentialAuthority(PoolGood, PoolBad, EdgeServers);

    [GlobalCleanup]
    public void Cleanup()
    {
        _authority?.Dispose();
        _authority = null;
    }

    [Benchmark]
    [BenchmarkCategory("issue")]
    public int CreateAuthority()
    {
        using var authority = new X509CredentialAuthority(PoolGood, PoolBad, EdgeServers);
        return authority.PoolSize;
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("verify")]
    public AuthReason LiveHandshake()
    {
        int attempt = _attempt++;
        return _authority!.LiveHandshake(attempt % PoolGood, attempt % EdgeServers, 60.0, 1, 0, attempt % PoolGood, attempt);
    }

    [Benchmark(OperationsPerInvoke = Lookups)]
    [BenchmarkCategory("verify")]
    public int CachedVerdict()
    {
        var verdicts = _authority!.Verdicts;
        int ok = 0;
        for (int i = 0; i < Lookups; i++) ok += verdicts[(i * 7919) % PoolSize] == AuthReason.Ok ? 1 : 0;
        return ok;
    }
}
