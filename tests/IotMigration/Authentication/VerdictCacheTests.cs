using GpuTwin.VecEnv.Scenarios.IotMigration.Authentication;

namespace GpuTwin.Tests.IotMigration.Authentication;

/// <summary>The verdict cache, the pool layout and the startup handshakes of spec iot_migration.md §6.A.5, §3.</summary>
[Collection(AuthorityCollection.Name)]
public class VerdictCacheTests(AuthorityFixture fixture)
{
    private readonly X509CredentialAuthority _ca = fixture.Authority;

    [Fact]
    public void PoolLayout_IsGoodFirst_ThenPBadOfEachKindInOrder()
    {
        const int g = AuthorityFixture.Good, b = AuthorityFixture.Bad;
        Assert.Equal(g, _ca.PoolGood);
        Assert.Equal(b, _ca.PoolBad);
        Assert.Equal(g + 5 * b, _ca.PoolSize);
        var expected = new List<AuthReason>();
        expected.AddRange(Enumerable.Repeat(AuthReason.Ok, g));
        foreach (var kind in new[] { AuthReason.Expired, AuthReason.WrongIssuer, AuthReason.Tampered, AuthReason.Revoked, AuthReason.WrongKey })
            expected.AddRange(Enumerable.Repeat(kind, b));
        Assert.Equal(expected, _ca.Verdicts.ToArray());
        Assert.Equal(expected, Enumerable.Range(0, _ca.PoolSize).Select(_ca.IntendedVerdict));
        Assert.Equal(g + 3 * b + 1, _ca.PoolIndexOf(AuthReason.Revoked, 1));
        Assert.Equal((byte)4, (byte)_ca.Verdicts[g + 3 * b]); // the byte the kernels see
    }

    [Fact]
    public void TheCache_AgreesWithFreshLiveHandshakes_OnEveryServer_ForAnyNonceKey()
    {
        for (int p = 0; p < _ca.PoolSize; p++)
        for (int m = 0; m < _ca.EdgeServers; m++)
            Assert.Equal(_ca.Verdicts[p], _ca.LiveHandshake(p, m, 3600.0 * (p % 5), seed: 1000 + (ulong)m, env: p % 3, user: p, attempt: m));
    }

    [Fact]
    public void LiveHandshakes_CountsTheCreationPassAndEveryLaterCall()
    {
        using var ca = new X509CredentialAuthority(poolGood: 3, poolBad: 1, edgeServers: 4);
        Assert.Equal(ca.PoolSize, ca.LiveHandshakes);
        Assert.Equal(4 * 3 / 2, ca.ServerHandshakes);
        ca.LiveHandshake(0, 3, 0, 1, 0, 0, 0);
        ca.LiveHandshake(ca.PoolIndexOf(AuthReason.Tampered, 0), 2, 0, 1, 0, 0, 0);
        Assert.Equal(ca.PoolSize + 2, ca.LiveHandshakes);
    }

    [Fact]
    public void BadArguments_AreRefusedNamingTheParameterAndRange()
    {
        Assert.Equal("poolGood", Assert.Throws<ArgumentOutOfRangeException>(() => new X509CredentialAuthority(poolGood: 0)).ParamName);
        Assert.Equal("poolBad", Assert.Throws<ArgumentOutOfRangeException>(() => new X509CredentialAuthority(poolBad: -1)).ParamName);
        var servers = Assert.Throws<ArgumentOutOfRangeException>(() => new X509CredentialAuthority(edgeServers: 0));
        Assert.Equal("edgeServers", servers.ParamName);
        Assert.Contains("[1, 1000]", servers.Message);
        Assert.Equal("nonceMode", Assert.Throws<ArgumentOutOfRangeException>(() => new X509CredentialAuthority(nonceMode: (NonceMode)9)).ParamName);
        Assert.Equal("poolIndex", Assert.Throws<ArgumentOutOfRangeException>(() => _ca.LiveHandshake(_ca.PoolSize, 0, 0, 0, 0, 0, 0)).ParamName);
        Assert.Equal("server", Assert.Throws<ArgumentOutOfRangeException>(() => _ca.LiveHandshake(0, -1, 0, 0, 0, 0, 0)).ParamName);
    }
}
