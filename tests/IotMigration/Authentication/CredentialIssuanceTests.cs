using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GpuTwin.VecEnv.Scenarios.IotMigration.Authentication;

namespace GpuTwin.Tests.IotMigration.Authentication;

/// <summary>The TA, the credentials and the CRL are built as spec iot_migration.md §6.A.2 prescribes.</summary>
[Collection(AuthorityCollection.Name)]
public class CredentialIssuanceTests(AuthorityFixture fixture)
{
    private readonly X509CredentialAuthority _ca = fixture.Authority;
    private static readonly DateTime Epoch = new(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static X509Certificate2 Load(byte[] der) => X509CertificateLoader.LoadCertificate(der);

    private static T Extension<T>(X509Certificate2 c) where T : X509Extension => c.Extensions.OfType<T>().Single();

    private static byte[] TaKeyId(X509CredentialAuthority ca)
    {
        using var ta = Load(ca.GetTrustAnchorDer());
        return Extension<X509SubjectKeyIdentifierExtension>(ta).SubjectKeyIdentifierBytes.ToArray();
    }

    private static byte[]? AkiOf(X509Certificate2 c)
    {
        var raw = c.Extensions.Single(e => e.Oid!.Value == "2.5.29.35");
        return new X509AuthorityKeyIdentifierExtension(raw.RawData).KeyIdentifier?.ToArray();
    }

    [Fact]
    public void TrustAnchor_IsASelfSignedP256Ca_WithTheThreeExtensions_AndTheEarlyNotBefore()
    {
        using var ta = Load(_ca.GetTrustAnchorDer());
        Assert.Equal("CN=GpuTwin IotMigration TA, O=GpuTwin", ta.Subject);
        Assert.Equal(ta.SubjectName.RawData, ta.IssuerName.RawData);
        Assert.False(ta.HasPrivateKey);
        var bc = Extension<X509BasicConstraintsExtension>(ta);
        Assert.True(bc.CertificateAuthority && bc.HasPathLengthConstraint && bc.PathLengthConstraint == 0 && bc.Critical);
        var ku = Extension<X509KeyUsageExtension>(ta);
        Assert.Equal(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, ku.KeyUsages);
        Assert.True(ku.Critical);
        Assert.Single(ta.Extensions.OfType<X509SubjectKeyIdentifierExtension>());
        Assert.Equal(Epoch.AddDays(-3650), ta.NotBefore.ToUniversalTime());
        Assert.Equal(Epoch.AddDays(3650), ta.NotAfter.ToUniversalTime());
        using var key = ta.GetECDsaPublicKey()!;
        Assert.Equal(256, key.KeySize);
    }

    [Fact]
    public void GoodUserCredential_HasItsNameSerialExtensionsAkiAndValidity()
    {
        const int p = 13;
        using var c = Load(_ca.GetCertificateDer(p));
        Assert.Equal("CN=user-000013, O=GpuTwin Users", c.Subject);
        byte[] serial = [0x01, 0, 0, 0, 0, 0, 0, 0, 13, 0, 0, 0, 0, 0, 0, 0];
        Assert.Equal(serial, c.SerialNumberBytes.ToArray());
        var bc = Extension<X509BasicConstraintsExtension>(c);
        Assert.False(bc.CertificateAuthority);
        Assert.True(bc.Critical);
        Assert.Equal(X509KeyUsageFlags.DigitalSignature, Extension<X509KeyUsageExtension>(c).KeyUsages);
        Assert.Equal(["1.3.6.1.5.5.7.3.2"], Extension<X509EnhancedKeyUsageExtension>(c).EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value!));
        Assert.Equal(TaKeyId(_ca), AkiOf(c));
        Assert.Equal(Epoch.AddDays(-1), c.NotBefore.ToUniversalTime());
        Assert.Equal(Epoch.AddDays(365), c.NotAfter.ToUniversalTime());
        Assert.False(c.HasPrivateKey);
    }

    [Fact]
    public void EdgeCredentials_CarryServerAuth_AndSerialsDistinctFromTheUserPool()
    {
        var serials = new HashSet<string>();
        for (int p = 0; p < _ca.PoolSize; p++)
        {
            using var c = Load(_ca.GetCertificateDer(p));
            Assert.True(serials.Add(Convert.ToHexString(c.SerialNumberBytes.Span)));
        }
        for (int m = 0; m < _ca.EdgeServers; m++)
        {
            using var c = Load(_ca.GetEdgeCertificateDer(m));
            Assert.Equal($"CN=edge-{m:D3}, O=GpuTwin Edge", c.Subject);
            Assert.Equal(["1.3.6.1.5.5.7.3.1"], Extension<X509EnhancedKeyUsageExtension>(c).EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value!));
            Assert.Equal(TaKeyId(_ca), AkiOf(c));
            Assert.True(serials.Add(Convert.ToHexString(c.SerialNumberBytes.Span)));
        }
    }

    [Fact]
    public void Expired_IsValidFromMinus400ToMinus1Days()
    {
        using var c = Load(_ca.GetCertificateDer(_ca.PoolIndexOf(AuthReason.Expired, 1)));
        Assert.Equal(Epoch.AddDays(-400), c.NotBefore.ToUniversalTime());
        Assert.Equal(Epoch.AddDays(-1), c.NotAfter.ToUniversalTime());
    }

    [Fact]
    public void WrongIssuer_CopiesTheTaDn_ButNamesAnotherKey()
    {
        using var ta = Load(_ca.GetTrustAnchorDer());
        using var c = Load(_ca.GetCertificateDer(_ca.PoolIndexOf(AuthReason.WrongIssuer, 0)));
        Assert.Equal(ta.SubjectName.RawData, c.IssuerName.RawData);
        Assert.NotNull(AkiOf(c));
        Assert.NotEqual(TaKeyId(_ca), AkiOf(c));
    }

    [Fact]
    public void Tampered_ClaimsTheNextIdentity_AndNoLongerMatchesItsSignature()
    {
        for (int j = 0; j < _ca.PoolBad; j++)
        {
            int p = _ca.PoolIndexOf(AuthReason.Tampered, j);
            using var c = Load(_ca.GetCertificateDer(p));
            // the last CN digit was replaced by (digit + 1) mod 10
            string expected = $"user-{p / 10:D5}{(p % 10 + 1) % 10}";
            Assert.Equal(expected, c.GetNameInfo(X509NameType.SimpleName, false));
            using var ta = Load(_ca.GetTrustAnchorDer());
            using var taKey = ta.GetECDsaPublicKey()!;
            var (tbs, sig) = SplitCertificate(c.RawData);
            Assert.False(taKey.VerifyData(tbs, sig, System.Security.Cryptography.HashAlgorithmName.SHA256,
                System.Security.Cryptography.DSASignatureFormat.Rfc3279DerSequence));
        }
        // an honest credential's signature does verify with the same split (the check is not vacuous)
        using var good = Load(_ca.GetCertificateDer(0));
        using var anchor = Load(_ca.GetTrustAnchorDer());
        using var anchorKey = anchor.GetECDsaPublicKey()!;
        var (goodTbs, goodSig) = SplitCertificate(good.RawData);
        Assert.True(anchorKey.VerifyData(goodTbs, goodSig, System.Security.Cryptography.HashAlgorithmName.SHA256,
            System.Security.Cryptography.DSASignatureFormat.Rfc3279DerSequence));
    }

    [Fact]
    public void Crl_IsNumberOne_AndListsExactlyTheRevokedSerials_WithKeyCompromise()
    {
        byte[] crl = _ca.GetCrlDer();
        CertificateRevocationListBuilder.Load(crl, out BigInteger number);
        Assert.Equal(BigInteger.One, number);
        Assert.Equal(1, _ca.CrlNumber);

        var entries = ReadCrlEntries(crl, out var thisUpdate, out var nextUpdate);
        Assert.Equal(Epoch.AddHours(-1), thisUpdate.UtcDateTime);
        Assert.Equal(Epoch.AddDays(30), nextUpdate.UtcDateTime);
        var expected = Enumerable.Range(0, _ca.PoolBad).Select(j =>
        {
            using var c = Load(_ca.GetCertificateDer(_ca.PoolIndexOf(AuthReason.Revoked, j)));
            return Convert.ToHexString(c.SerialNumberBytes.Span);
        }).Order().ToArray();
        Assert.Equal(expected, entries.Select(e => e.Serial).Order().ToArray());
        Assert.All(entries, e => Assert.Equal(Epoch.AddDays(-1), e.When.UtcDateTime));
    }

    [Fact]
    public void AnotherSimEpoch_ShiftsEveryCertificateAndCrlTime()
    {
        var epoch = new DateTimeOffset(2041, 6, 1, 12, 0, 0, TimeSpan.FromHours(2)); // not UTC on purpose
        using var ca = new X509CredentialAuthority(poolGood: 1, poolBad: 1, edgeServers: 1, simEpoch: epoch);
        Assert.Equal(epoch.UtcDateTime, ca.SimEpoch.UtcDateTime);
        using var good = Load(ca.GetCertificateDer(0));
        Assert.Equal(epoch.UtcDateTime.AddDays(-1), good.NotBefore.ToUniversalTime());
        using var expired = Load(ca.GetCertificateDer(ca.PoolIndexOf(AuthReason.Expired, 0)));
        Assert.Equal(epoch.UtcDateTime.AddDays(-400), expired.NotBefore.ToUniversalTime());
        ReadCrlEntries(ca.GetCrlDer(), out var thisUpdate, out _);
        Assert.Equal(epoch.UtcDateTime.AddHours(-1), thisUpdate.UtcDateTime);
        Assert.Equal([AuthReason.Ok, AuthReason.Expired, AuthReason.WrongIssuer, AuthReason.Tampered, AuthReason.Revoked, AuthReason.WrongKey],
            ca.Verdicts.ToArray());
    }

    private static (byte[] Tbs, byte[] Signature) SplitCertificate(byte[] der)
    {
        var certificate = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        byte[] tbs = certificate.ReadEncodedValue().ToArray();
        certificate.ReadSequence();
        return (tbs, certificate.ReadBitString(out _));
    }

    private static List<(string Serial, DateTimeOffset When)> ReadCrlEntries(byte[] crl, out DateTimeOffset thisUpdate, out DateTimeOffset nextUpdate)
    {
        var tbs = new AsnReader(crl, AsnEncodingRules.DER).ReadSequence().ReadSequence();
        tbs.ReadInteger();
        tbs.ReadSequence();
        tbs.ReadEncodedValue();
        thisUpdate = tbs.ReadUtcTime();
        nextUpdate = tbs.ReadUtcTime();
        var list = new List<(string, DateTimeOffset)>();
        var entries = tbs.ReadSequence();
        while (entries.HasData)
        {
            var entry = entries.ReadSequence();
            string serial = Convert.ToHexString(entry.ReadIntegerBytes().Span);
            var when = entry.ReadUtcTime();
            // crlEntryExtensions: one reasonCode, keyCompromise (1)
            var ext = entry.ReadSequence().ReadSequence();
            Assert.Equal("2.5.29.21", ext.ReadObjectIdentifier());
            var reason = new AsnReader(ext.ReadOctetString(), AsnEncodingRules.DER).ReadEnumeratedValue<X509RevocationReason>();
            Assert.Equal(X509RevocationReason.KeyCompromise, reason);
            list.Add((serial, when));
        }
        return list;
    }
}
