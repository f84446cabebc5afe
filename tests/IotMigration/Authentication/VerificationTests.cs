using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GpuTwin.VecEnv.Scenarios.IotMigration.Authentication;

namespace GpuTwin.Tests.IotMigration.Authentication;

/// <summary>The ordered checks of spec iot_migration.md §6.A.3: each credential kind is refused for its own reason.</summary>
[Collection(AuthorityCollection.Name)]
public class VerificationTests(AuthorityFixture fixture)
{
    private readonly X509CredentialAuthority _ca = fixture.Authority;
    private const double TwoDaysS = 2 * 86400.0;

    private AuthReason Live(int p, int server = 0, double t = 0, int attempt = 0) =>
        _ca.LiveHandshake(p, server, t, seed: 7, env: 3, user: p, attempt);

    [Theory]
    [InlineData(AuthReason.Ok)]
    [InlineData(AuthReason.Expired)]
    [InlineData(AuthReason.WrongIssuer)]
    [InlineData(AuthReason.Tampered)]
    [InlineData(AuthReason.Revoked)]
    [InlineData(AuthReason.WrongKey)]
    public void EveryCredentialOfAKind_GetsThatVerdict_AtTheStartAndLateInARun(AuthReason kind)
    {
        int count = kind == AuthReason.Ok ? _ca.PoolGood : _ca.PoolBad;
        for (int j = 0; j < count; j++)
        {
            int p = _ca.PoolIndexOf(kind, j);
            Assert.Equal(kind, Live(p));
            Assert.Equal(kind, Live(p, server: 2, t: TwoDaysS, attempt: 1));
        }
    }

    [Fact]
    public void CertificateFailures_StopBeforeProofOfPossession_WrongKeyOnlyFailsThere()
    {
        var nonces = _ca.CreateNonces(1, 0, 0, 0, 0);
        foreach (var kind in new[] { AuthReason.Expired, AuthReason.WrongIssuer, AuthReason.Tampered, AuthReason.Revoked })
        {
            using var edge = _ca.OpenEdgeSession(0, 0, nonces);
            Assert.Equal(kind, edge.ReceiveCertificate(_ca.GetCertificateDer(_ca.PoolIndexOf(kind, 0))));
            // a refused certificate gives the server no key to check a hello with
            Assert.Throws<InvalidOperationException>(() => edge.ReceiveHello(nonces.R1, new byte[64]));
        }
        int wrongKey = _ca.PoolIndexOf(AuthReason.WrongKey, 0);
        using var server = _ca.OpenEdgeSession(0, 0, nonces);
        using var device = _ca.OpenUserSession(wrongKey, 0, nonces);
        Assert.Equal(AuthReason.Ok, server.ReceiveCertificate(device.CertificateDer)); // the stolen certificate itself is fine
        Assert.Equal(AuthReason.Ok, device.ReceiveServerCertificate(server.CertificateDer));
        Assert.Equal(AuthReason.WrongKey, server.ReceiveHello(device.R1, device.Hello()));
    }

    [Fact]
    public void Structure_GarbageAndNonP256Keys_AreTampered()
    {
        using var edge = _ca.OpenEdgeSession(0, 0, _ca.CreateNonces(1, 0, 0, 0, 0));
        Assert.Equal(AuthReason.Tampered, edge.ReceiveCertificate([0x30, 0x03, 0x02, 0x01, 0x00]));
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var request = new CertificateRequest("CN=user-000001, O=GpuTwin Users", p384, HashAlgorithmName.SHA256);
        using var self = request.CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100));
        Assert.Equal(AuthReason.Tampered, edge.ReceiveCertificate(self.RawData));
    }

    [Fact]
    public void Usage_AnEdgeCertificatePresentedAsAUser_IsBadUsage()
    {
        using var edge = _ca.OpenEdgeSession(0, 0, _ca.CreateNonces(1, 0, 0, 0, 0));
        Assert.Equal(AuthReason.BadUsage, edge.ReceiveCertificate(_ca.GetEdgeCertificateDer(1)));
    }

    [Fact]
    public void Validity_IsComparedInUtcAtTheSimulatedTime()
    {
        // a good credential is valid from SimEpoch − 1 d; an Expired one ended at SimEpoch − 1 d. Inside the CRL
        // window [SimEpoch − 1 h, SimEpoch + 30 d) only the Expired verdict depends on the time.
        int expired = _ca.PoolIndexOf(AuthReason.Expired, 0);
        Assert.Equal(AuthReason.Expired, Live(expired, t: -3600));
        Assert.Equal(AuthReason.Ok, Live(0, t: -3600));
        Assert.Equal(AuthReason.Ok, Live(0, t: 30 * 86400.0 - 1));
        Assert.Equal(30 * 86400.0, _ca.MaxSimulatedSeconds); // the CRL's nextUpdate is tighter than notAfter (365 d)
    }

    [Theory]
    [InlineData(30 * 86400.0)]
    [InlineData(31 * 86400.0)]
    [InlineData(-3601.0)]
    public void AStaleCrl_Throws_ForGoodAndBadCredentialsAlike(double t)
    {
        Assert.Throws<InvalidOperationException>(() => Live(0, t: t));
        Assert.Throws<InvalidOperationException>(() => Live(_ca.PoolIndexOf(AuthReason.Expired, 0), t: t));
        Assert.Throws<InvalidOperationException>(() => _ca.OpenEdgeSession(0, t, _ca.CreateNonces(0, 0, 0, 0, 0)).ReceiveCertificate(_ca.GetCertificateDer(0)));
    }

    [Fact]
    public void NonFiniteTime_IsRefusedWithTheArgumentNamed()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Live(0, t: double.NaN));
        Assert.Equal("simulatedSeconds", e.ParamName);
    }

    [Fact]
    public void CredentialsOfAnotherAuthority_AreWrongIssuer_AndItsServersAreRejectedByOurUsers()
    {
        using var other = new X509CredentialAuthority(poolGood: 1, poolBad: 0, edgeServers: 1);
        var nonces = _ca.CreateNonces(1, 0, 0, 0, 0);
        using var edge = _ca.OpenEdgeSession(0, 0, nonces);
        Assert.Equal(AuthReason.WrongIssuer, edge.ReceiveCertificate(other.GetCertificateDer(0)));
        using var device = _ca.OpenUserSession(0, 0, nonces);
        Assert.Equal(AuthReason.ServerRejected, device.ReceiveServerCertificate(other.GetEdgeCertificateDer(0)));
        Assert.Equal(AuthReason.ServerRejected, device.ReceiveServerCertificate(_ca.GetCertificateDer(1))); // a user, not a server
        Assert.Equal(AuthReason.Ok, device.ReceiveServerCertificate(_ca.GetEdgeCertificateDer(2)));
    }
}
