using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GpuTwin.VecEnv.Scenarios.IotMigration.Authentication;

/// <summary>
/// The explicit, ordered certificate checks 1–6 of spec iot_migration.md §6.A.3, as an edge server (or a user
/// checking the edge server) runs them against the TA's public key and the parsed CRL. The first failing check
/// gives the reason; these checks, not X509Chain, are normative because they give the same reason on every OS.
/// </summary>
internal sealed class CertificateVerifier(ECDsa trustAnchorKey, byte[] trustAnchorSubject, byte[] trustAnchorKeyId, RevocationList crl)
{
    public RevocationList Crl { get; } = crl;

    /// <summary>
    /// Verifies <paramref name="der"/> at <paramref name="verificationTime"/> for <paramref name="expectedPurpose"/>
    /// (an EKU OID). On Ok, <paramref name="subjectKey"/> is the certificate's public key (the caller disposes it)
    /// and <paramref name="commonName"/> its subject CN. Throws when the CRL is not current, whatever the certificate.
    /// </summary>
    public AuthReason Verify(byte[] der, DateTimeOffset verificationTime, string expectedPurpose, out ECDsa? subjectKey, out string commonName)
    {
        Crl.EnsureCurrent(verificationTime);
        subjectKey = null;
        commonName = "";
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadCertificate(der);
        }
        catch (CryptographicException)
        {
            return AuthReason.Tampered;
        }
        using (certificate)
        {
            var reason = Check(certificate, der, verificationTime, expectedPurpose, out subjectKey);
            if (reason != AuthReason.Ok)
            {
                subjectKey?.Dispose();
                subjectKey = null;
                return reason;
            }
            commonName = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
            return AuthReason.Ok;
        }
    }

    private AuthReason Check(X509Certificate2 certificate, byte[] der, DateTimeOffset verificationTime, string expectedPurpose, out ECDsa? subjectKey)
    {
        // 1. structure: an EC P-256 public key
        subjectKey = PublicKeyOf(certificate);
        if (subjectKey is null) return AuthReason.Tampered;

        // 2. issuer: the TA's DN and the TA's key identifier (a rogue CA can copy the DN, not the key)
        if (!certificate.IssuerName.RawData.AsSpan().SequenceEqual(trustAnchorSubject)) return AuthReason.WrongIssuer;
        var authorityKeyId = AuthorityKeyIdOf(certificate);
        if (authorityKeyId is null || !authorityKeyId.Value.Span.SequenceEqual(trustAnchorKeyId)) return AuthReason.WrongIssuer;

        // 3. signature over the TBS bytes exactly as received
        if (!SignatureVerifies(der)) return AuthReason.Tampered;

        // 4. validity in UTC at the simulated time (not-yet-valid counts as Expired)
        var at = verificationTime.UtcDateTime;
        if (at < certificate.NotBefore.ToUniversalTime() || at > certificate.NotAfter.ToUniversalTime()) return AuthReason.Expired;

        // 5. usage
        if (!UsageAllows(certificate, expectedPurpose)) return AuthReason.BadUsage;

        // 6. revocation
        if (Crl.IsRevoked(certificate.SerialNumberBytes.Span)) return AuthReason.Revoked;
        return AuthReason.Ok;
    }

    private static ECDsa? PublicKeyOf(X509Certificate2 certificate)
    {
        try
        {
            if (certificate.PublicKey.Oid.Value != X509Profile.EcPublicKeyOid) return null;
            var parameters = certificate.PublicKey.EncodedParameters?.RawData;
            if (parameters is null) return null;
            if (new AsnReader(parameters, AsnEncodingRules.DER).ReadObjectIdentifier() != X509Profile.P256CurveOid) return null;
            return certificate.GetECDsaPublicKey();
        }
        catch (Exception e) when (e is CryptographicException or AsnContentException)
        {
            return null;
        }
    }

    private static ReadOnlyMemory<byte>? AuthorityKeyIdOf(X509Certificate2 certificate)
    {
        foreach (var extension in certificate.Extensions)
        {
            if (extension.Oid?.Value != X509Profile.AuthorityKeyIdentifierOid) continue;
            try
            {
                var aki = extension as X509AuthorityKeyIdentifierExtension
                    ?? new X509AuthorityKeyIdentifierExtension(extension.RawData, extension.Critical);
                return aki.KeyIdentifier;
            }
            catch (CryptographicException)
            {
                return null;
            }
        }
        return null;
    }

    /// <summary>Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue BIT STRING }.</summary>
    private bool SignatureVerifies(byte[] der)
    {
        try
        {
            var outer = new AsnReader(der, AsnEncodingRules.DER);
            var certificate = outer.ReadSequence();
            outer.ThrowIfNotEmpty();
            ReadOnlyMemory<byte> tbs = certificate.ReadEncodedValue();
            var algorithm = certificate.ReadSequence();
            string oid = algorithm.ReadObjectIdentifier();
            if (oid != X509Profile.EcdsaWithSha256Oid || algorithm.HasData) return false;
            byte[] signature = certificate.ReadBitString(out int unusedBits);
            certificate.ThrowIfNotEmpty();
            return unusedBits == 0
                && trustAnchorKey.VerifyData(tbs.Span, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (Exception e) when (e is AsnContentException or CryptographicException)
        {
            return false;
        }
    }

    private static bool UsageAllows(X509Certificate2 certificate, string expectedPurpose)
    {
        bool digitalSignature = false, purpose = false;
        foreach (var extension in certificate.Extensions)
        {
            switch (extension.Oid?.Value)
            {
                case "2.5.29.15":
                    var keyUsage = extension as X509KeyUsageExtension ?? new X509KeyUsageExtension(extension, extension.Critical);
                    digitalSignature = keyUsage.KeyUsages.HasFlag(X509KeyUsageFlags.DigitalSignature);
                    break;
                case "2.5.29.37":
                    var enhanced = extension as X509EnhancedKeyUsageExtension ?? new X509EnhancedKeyUsageExtension(extension, extension.Critical);
                    foreach (var usage in enhanced.EnhancedKeyUsages)
                        purpose |= usage.Value == expectedPurpose;
                    break;
            }
        }
        return digitalSignature && purpose;
    }
}
