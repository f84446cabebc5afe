using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace GpuTwin.VecEnv.Scenarios.IotMigration.Authentication;

/// <summary>
/// A certificate authority with its private key (spec iot_migration.md §6.A.2): the TA itself, or the rogue CA that
/// copies the TA's DN with a key of its own. Issues entity credentials and builds the CRL. Keys live in memory
/// only; nothing is written to a certificate store.
/// </summary>
internal sealed class TrustedAuthority : IDisposable
{
    private readonly ECDsa _key;
    private readonly X509Certificate2 _certificate; // carries the private key: never handed out

    public TrustedAuthority(DateTimeOffset simEpoch)
    {
        SimEpoch = simEpoch;
        _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(X509Profile.TrustAnchorSubject, _key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        // the early notBefore lets the Expired credentials (from SimEpoch − 400 d) fall inside the issuer's validity
        _certificate = request.CreateSelfSigned(simEpoch - X509Profile.AuthorityHalfValidity, simEpoch + X509Profile.AuthorityHalfValidity);
        CertificateDer = _certificate.RawData;
        SubjectName = _certificate.SubjectName.RawData;
        KeyIdentifier = _certificate.Extensions.OfType<X509SubjectKeyIdentifierExtension>().Single().SubjectKeyIdentifierBytes.ToArray();
    }

    public DateTimeOffset SimEpoch { get; }
    public byte[] CertificateDer { get; }
    public byte[] SubjectName { get; }
    public byte[] KeyIdentifier { get; }

    /// <summary>A public-key-only copy of the TA key, for verifiers.</summary>
    public ECDsa ExportPublicKey()
    {
        var copy = ECDsa.Create();
        copy.ImportSubjectPublicKeyInfo(_key.ExportSubjectPublicKeyInfo(), out _);
        return copy;
    }

    /// <summary>
    /// Issues a credential with its own P-256 key. <paramref name="deviceKey"/> (WrongKey) makes the device hold an
    /// unrelated key; otherwise it signs with the certified key.
    /// </summary>
    public Credential Issue(string subject, string purposeOid, long credentialId, DateTimeOffset notBefore, DateTimeOffset notAfter, bool deviceKey = false)
    {
        var certifiedKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, certifiedKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid(purposeOid) }, false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_certificate, true, false));
        using var issued = request.Create(_certificate, notBefore, notAfter, X509Profile.Serial(credentialId));
        if (!deviceKey) return new Credential(issued.RawData, certifiedKey);
        certifiedKey.Dispose(); // a stolen certificate: its private key is not on the device
        return new Credential(issued.RawData, ECDsa.Create(ECCurve.NamedCurves.nistP256));
    }

    /// <summary>A properly issued user credential for the standard window.</summary>
    public Credential IssueUser(long id, bool deviceKey = false) =>
        Issue(X509Profile.UserSubject(id), X509Profile.ClientAuthOid, id,
            SimEpoch - X509Profile.CredentialLead, SimEpoch + X509Profile.CredentialLifetime, deviceKey);

    public Credential IssueEdge(int server, long id) =>
        Issue(X509Profile.EdgeSubject(server), X509Profile.ServerAuthOid, id,
            SimEpoch - X509Profile.CredentialLead, SimEpoch + X509Profile.CredentialLifetime);

    /// <summary>
    /// The TA's CRL: every revoked certificate with reason KeyCompromise at SimEpoch − 1 d, CRL number
    /// <paramref name="crlNumber"/>, thisUpdate SimEpoch − 1 h (explicit, so the wall clock never enters) and
    /// nextUpdate SimEpoch + 30 d.
    /// </summary>
    public byte[] BuildCrl(IEnumerable<byte[]> revokedCertificates, int crlNumber)
    {
        var builder = new CertificateRevocationListBuilder();
        foreach (var der in revokedCertificates)
        {
            using var certificate = X509CertificateLoader.LoadCertificate(der);
            builder.AddEntry(certificate, SimEpoch - X509Profile.CredentialLead, X509RevocationReason.KeyCompromise);
        }
        return builder.Build(_certificate, new BigInteger(crlNumber), SimEpoch + X509Profile.CrlLifetime, HashAlgorithmName.SHA256,
            thisUpdate: SimEpoch - X509Profile.CrlThisUpdateLead);
    }

    /// <summary>
    /// Tampered: the last digit of the subject CN value "user-…" (asserted to occur exactly once in the DER) becomes
    /// (digit + 1) mod 10. Same length, so the DER stays well formed and loads; the signature no longer matches.
    /// </summary>
    public static byte[] TamperCommonName(byte[] der, string commonName)
    {
        byte[] pattern = Encoding.ASCII.GetBytes(commonName);
        int at = der.AsSpan().IndexOf(pattern);
        if (at < 0 || der.AsSpan(at + 1).IndexOf(pattern) >= 0)
            throw new InvalidOperationException($"the CN '{commonName}' must occur exactly once in the certificate DER to tamper it");
        var tampered = (byte[])der.Clone();
        int last = at + pattern.Length - 1;
        byte digit = tampered[last];
        if (digit is < (byte)'0' or > (byte)'9') throw new InvalidOperationException($"the CN '{commonName}' does not end in a digit");
        tampered[last] = (byte)('0' + (digit - '0' + 1) % 10);
        using var reloaded = X509CertificateLoader.LoadCertificate(tampered); // loading does not check the signature
        return reloaded.RawData;
    }

    public void Dispose()
    {
        _certificate.Dispose();
        _key.Dispose();
    }
}
