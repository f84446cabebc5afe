using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GpuTwin.VecEnv.Scenarios.IotMigration.Authentication;

/// <summary>
/// A CRL parsed once per CRL version with <see cref="AsnReader"/> (spec iot_migration.md §6.A.3 step 6): its
/// signature is checked with the TA key and its issuer against the TA's subject, and the revoked serials go into a
/// set. An invalid CRL throws at parse time and a stale one throws at use: revocation never fails open.
/// </summary>
public sealed class RevocationList
{
    private readonly HashSet<string> _revokedSerials;

    private RevocationList(BigInteger number, DateTimeOffset thisUpdate, DateTimeOffset nextUpdate, HashSet<string> revoked)
    {
        Number = number;
        ThisUpdate = thisUpdate;
        NextUpdate = nextUpdate;
        _revokedSerials = revoked;
    }

    public BigInteger Number { get; }
    public DateTimeOffset ThisUpdate { get; }
    public DateTimeOffset NextUpdate { get; }
    public int Count => _revokedSerials.Count;

    /// <summary>Throws InvalidOperationException unless thisUpdate ≤ t_v &lt; nextUpdate.</summary>
    public void EnsureCurrent(DateTimeOffset verificationTime)
    {
        if (verificationTime < ThisUpdate || verificationTime >= NextUpdate)
            throw new InvalidOperationException(
                $"CRL {Number} is not current at {verificationTime:O}: it covers [{ThisUpdate:O}, {NextUpdate:O}); " +
                "the simulated time of a run must stay inside the CRL window (revocation never fails open)");
    }

    /// <summary>Whether the certificate serial (big-endian, as in the DER) is on this CRL.</summary>
    public bool IsRevoked(ReadOnlySpan<byte> serialBigEndian) => _revokedSerials.Contains(SerialKey(serialBigEndian));

    /// <summary>Canonical serial text: big-endian hex without leading zero bytes.</summary>
    internal static string SerialKey(ReadOnlySpan<byte> serialBigEndian)
    {
        int start = 0;
        while (start < serialBigEndian.Length - 1 && serialBigEndian[start] == 0) start++;
        return Convert.ToHexString(serialBigEndian[start..]);
    }

    /// <summary>
    /// Parses and checks <paramref name="crlDer"/> against the TA certificate <paramref name="trustAnchorDer"/>
    /// (signature with its key, issuer equal to its subject). Throws InvalidOperationException when the CRL is not
    /// well formed, not the TA's, or has no nextUpdate or CRL number.
    /// </summary>
    public static RevocationList Parse(byte[] crlDer, byte[] trustAnchorDer)
    {
        ArgumentNullException.ThrowIfNull(crlDer);
        ArgumentNullException.ThrowIfNull(trustAnchorDer);
        using var anchor = X509CertificateLoader.LoadCertificate(trustAnchorDer);
        using var key = anchor.GetECDsaPublicKey() ?? throw new ArgumentException("the trust anchor has no EC public key", nameof(trustAnchorDer));
        return Parse(crlDer, key, anchor.SubjectName.RawData);
    }

    internal static RevocationList Parse(byte[] der, ECDsa issuerKey, ReadOnlySpan<byte> issuerSubject)
    {
        try
        {
            return ParseChecked(der, issuerKey, issuerSubject);
        }
        catch (Exception e) when (e is AsnContentException or CryptographicException)
        {
            throw new InvalidOperationException("the CRL is not well-formed DER: " + e.Message, e);
        }
    }

    private static RevocationList ParseChecked(byte[] der, ECDsa issuerKey, ReadOnlySpan<byte> issuerSubject)
    {
        var outer = new AsnReader(der, AsnEncodingRules.DER);
        var certificateList = outer.ReadSequence();
        outer.ThrowIfNotEmpty();
        ReadOnlyMemory<byte> tbsBytes = certificateList.ReadEncodedValue();
        string algorithm = ReadAlgorithm(certificateList);
        byte[] signature = certificateList.ReadBitString(out int unusedBits);
        certificateList.ThrowIfNotEmpty();
        if (algorithm != X509Profile.EcdsaWithSha256Oid || unusedBits != 0)
            throw new InvalidOperationException($"the CRL is signed with {algorithm}, expected ecdsa-with-SHA256 ({X509Profile.EcdsaWithSha256Oid})");
        if (!issuerKey.VerifyData(tbsBytes.Span, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence))
            throw new InvalidOperationException("the CRL signature does not verify with the TA key");

        var tbs = new AsnReader(tbsBytes, AsnEncodingRules.DER).ReadSequence();
        if (tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Integer)) tbs.ReadInteger(); // version v2
        if (ReadAlgorithm(tbs) != X509Profile.EcdsaWithSha256Oid)
            throw new InvalidOperationException("the CRL's inner signature algorithm differs from its outer one");
        if (!tbs.ReadEncodedValue().Span.SequenceEqual(issuerSubject))
            throw new InvalidOperationException("the CRL issuer is not the TA");
        DateTimeOffset thisUpdate = ReadTime(tbs);
        if (!tbs.HasData || !IsTime(tbs.PeekTag()))
            throw new InvalidOperationException("the CRL has no nextUpdate, so its freshness cannot be checked");
        DateTimeOffset nextUpdate = ReadTime(tbs);

        var revoked = new HashSet<string>(StringComparer.Ordinal);
        if (tbs.HasData && tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
        {
            var entries = tbs.ReadSequence();
            while (entries.HasData)
            {
                var entry = entries.ReadSequence();
                revoked.Add(SerialKey(entry.ReadIntegerBytes().Span));
            }
        }

        BigInteger? number = null;
        if (tbs.HasData)
        {
            var extensions = tbs.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0)).ReadSequence();
            while (extensions.HasData)
            {
                var extension = extensions.ReadSequence();
                string oid = extension.ReadObjectIdentifier();
                if (extension.PeekTag().HasSameClassAndValue(Asn1Tag.Boolean)) extension.ReadBoolean();
                byte[] value = extension.ReadOctetString();
                if (oid == X509Profile.CrlNumberOid)
                    number = new AsnReader(value, AsnEncodingRules.DER).ReadInteger();
            }
        }
        tbs.ThrowIfNotEmpty();
        if (number is null) throw new InvalidOperationException("the CRL has no CRL number extension");
        if (nextUpdate <= thisUpdate) throw new InvalidOperationException("the CRL's nextUpdate is not after its thisUpdate");
        return new RevocationList(number.Value, thisUpdate, nextUpdate, revoked);
    }

    private static string ReadAlgorithm(AsnReader reader)
    {
        var algorithm = reader.ReadSequence();
        string oid = algorithm.ReadObjectIdentifier();
        // ecdsa-with-SHA256 has absent parameters (RFC 5758 §3.2); anything else is rejected by the caller
        return algorithm.HasData ? oid + " with parameters" : oid;
    }

    private static bool IsTime(Asn1Tag tag) =>
        tag.HasSameClassAndValue(Asn1Tag.UtcTime) || tag.HasSameClassAndValue(Asn1Tag.GeneralizedTime);

    private static DateTimeOffset ReadTime(AsnReader reader) =>
        reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) ? reader.ReadUtcTime() : reader.ReadGeneralizedTime();
}
