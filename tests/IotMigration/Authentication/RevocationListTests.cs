using System.Numerics;
using System.Security.Cryptography.X509Certificates;
using GpuTwin.VecEnv.Scenarios.IotMigration.Authentication;

namespace GpuTwin.Tests.IotMigration.Authentication;

/// <summary>The CRL is parsed and signature-checked once, and an invalid or stale CRL throws (spec §6.A.3 step 6).</summary>
[Collection(AuthorityCollection.Name)]
public class RevocationListTests(AuthorityFixture fixture)
{
    private readonly X509CredentialAuthority _ca = fixture.Authority;
    private static readonly DateTimeOffset Epoch = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private byte[] RevokedSerial(int j)
    {
        using var c = X509CertificateLoader.LoadCertificate(_ca.GetCertificateDer(_ca.PoolIndexOf(AuthReason.Revoked, j)));
        return c.SerialNumberBytes.ToArray();
    }

    [Fact]
    public void TheTaCrl_ParsesToItsNumberWindowAndSerials()
    {
        var crl = RevocationList.Parse(_ca.GetCrlDer(), _ca.GetTrustAnchorDer());
        Assert.Equal(BigInteger.One, crl.Number);
        Assert.Equal(Epoch.AddHours(-1), crl.ThisUpdate);
        Assert.Equal(Epoch.AddDays(30), crl.NextUpdate);
        Assert.Equal(_ca.PoolBad, crl.Count);
        for (int j = 0; j < _ca.PoolBad; j++) Assert.True(crl.IsRevoked(RevokedSerial(j)));
        using var good = X509CertificateLoader.LoadCertificate(_ca.GetCertificateDer(0));
        Assert.False(crl.IsRevoked(good.SerialNumberBytes.Span));
        crl.EnsureCurrent(Epoch.AddDays(30).AddSeconds(-1));
        Assert.Throws<InvalidOperationException>(() => crl.EnsureCurrent(Epoch.AddDays(30)));
        Assert.Throws<InvalidOperationException>(() => crl.EnsureCurrent(Epoch.AddHours(-1).AddSeconds(-1)));
    }

    [Fact]
    public void AnAlteredCrl_Throws_EvenWhenItsDerStaysWellFormed()
    {
        byte[] crl = _ca.GetCrlDer();
        byte[] serial = RevokedSerial(0);
        int at = crl.AsSpan().IndexOf(serial);
        Assert.True(at > 0);
        crl[at + serial.Length - 1] ^= 0x01; // un-revoke the credential: same length, valid DER
        var e = Assert.Throws<InvalidOperationException>(() => RevocationList.Parse(crl, _ca.GetTrustAnchorDer()));
        Assert.Contains("signature", e.Message);
    }

    [Fact]
    public void ACrlOfAnotherAuthority_OrGarbage_Throws()
    {
        using var other = new X509CredentialAuthority(poolGood: 1, poolBad: 1, edgeServers: 1);
        Assert.Throws<InvalidOperationException>(() => RevocationList.Parse(other.GetCrlDer(), _ca.GetTrustAnchorDer()));
        Assert.Throws<InvalidOperationException>(() => RevocationList.Parse([0x30, 0x02, 0x05, 0x00], _ca.GetTrustAnchorDer()));
        Assert.Throws<InvalidOperationException>(() => RevocationList.Parse(_ca.GetCrlDer()[..^3], _ca.GetTrustAnchorDer()));
    }
}
