using System.Security.Cryptography;

namespace GpuTwin.VecEnv.Scenarios.IotMigration.Authentication;

/// <summary>
/// One entity's credential as its device holds it: the certificate DER and the key the device signs with. For a
/// WrongKey credential the signing key is not the certificate's key. Never leaves the assembly.
/// </summary>
internal sealed class Credential(byte[] certificateDer, string commonName, ECDsa signingKey) : IDisposable
{
    public byte[] CertificateDer { get; } = certificateDer;

    /// <summary>The subject CN the certificate claims (for a Tampered credential, the altered one).</summary>
    public string CommonName { get; } = commonName;

    public byte[] Sign(byte[] message) =>
        signingKey.SignData(message, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    /// <summary>The same device key with other certificate bytes (Tampered); the new credential owns the key.</summary>
    public Credential WithCertificate(byte[] der, string commonName) => new(der, commonName, signingKey);

    /// <summary>The same certificate with its own in-memory copy of the key, for use on another thread.</summary>
    public Credential Replica() => new(CertificateDer, CommonName, ECDsa.Create(signingKey.ExportParameters(includePrivateParameters: true)));

    public void Dispose() => signingKey.Dispose();
}
