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
    private readonly X509AuthorityKeyIdentifierExtension _authorityKeyId;

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
        // built once: every credential carries the same AKI, and issuing threads then only read the certificate
        _authorityKeyId = X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_certificate, true, false);
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
    /// unrelated key; otherwise it signs with the certified key. Safe to call from several threads at once.
    /// </summary>
    public Credential Issue(string commonName, string organization, string purposeOid, long credentialId,
        DateTimeOffset notBefore, DateTimeOffset notAfter, bool deviceKey = false)
    {
        var certifiedKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}, O={organization}", certifiedKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid(purposeOid) }, false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(_authorityKeyId);
        using var issued = request.Create(_certificate, notBefore, notAfter, X509Profile.Serial(credentialId));
        if (!deviceKey) return new Credential(issued.RawData, commonName, certifiedKey);
        certifiedKey.Dispose(); // a stolen certificate: its private key is not on the device
        return new Credential(issued.RawData, commonName, ECDsa.Create(ECCurve.NamedCurves.nistP256));
    }

    /// <summary>A properly issued user credential for the standard window.</summary>
    public Credential IssueUser(long id, bool deviceKey = false) =>
        IssueUser(id, SimEpoch - X509Profile.CredentialLead, SimEpoch + X509Profile.CredentialLifetime, deviceKey);

    public Credential IssueUser(long id, DateTimeOffset notBefore, DateTimeOffset notAfter, bool deviceKey = false) =>
        Issue(X509Profile.UserCommonName(id), X509Profile.UserOrganization, X509Profile.ClientAuthOid, id, notBefore, notAfter, deviceKey);

    public Credential IssueEdge(int server, long id) =>
        Issue(X509Profile.EdgeCommonName(server), X509Profile.EdgeOrganization, X509Profile.ServerAuthOid, id,
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
    public static Credential Tamper(Credential issued)
    {
        string commonName = issued.CommonName;
        byte[] der = issued.CertificateDer;
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
        string claimed = reloaded.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        return issued.WithCertificate(reloaded.RawData, claimed);
    }

    public void Dispose()
    {
        _certificate.Dispose();
        _key.Dispose();
    }
}
