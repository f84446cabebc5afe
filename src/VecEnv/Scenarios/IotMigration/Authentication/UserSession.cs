using System.Security.Cryptography;

namespace GpuTwin.VecEnv.Scenarios.IotMigration.Authentication;

/// <summary>
/// The device side of one handshake (spec iot_migration.md §6.A.3, Fig. 2 of the paper): sends its certificate,
/// checks the edge server's certificate (steps 1–6), signs m5 over R1, verifies the server's m7 and signs m9 over
/// the R2 it received. In the pairwise server authentication at startup the initiating edge server plays this
/// role with its own credential. Signs with the device key but never exposes it.
/// </summary>
public sealed class UserSession : IDisposable
{
    private readonly Credential _credential;
    private readonly CertificateVerifier _verifier;
    private readonly DateTimeOffset _verificationTime;
    private readonly string _peerPurpose;
    private readonly byte[] _r1;
    private ECDsa? _serverKey;
    private string? _serverCommonName;
    private byte[]? _r2;

    internal UserSession(Credential credential, CertificateVerifier verifier, DateTimeOffset verificationTime, HandshakeNonces nonces, string peerPurpose)
    {
        _credential = credential;
        _verifier = verifier;
        _verificationTime = verificationTime;
        _peerPurpose = peerPurpose;
        _r1 = nonces.R1;
    }

    /// <summary>The subject CN this device claims (for a Tampered credential, the altered one).</summary>
    public string CommonName => _credential.CommonName;

    /// <summary>Message 3: the device's certificate (a copy).</summary>
    public byte[] CertificateDer => (byte[])_credential.CertificateDer.Clone();

    internal byte[] CertificateDerShared => _credential.CertificateDer;

    /// <summary>The user's challenge R1 (a copy).</summary>
    public byte[] R1 => (byte[])_r1.Clone();

    /// <summary>Message 4: checks the server's certificate with steps 1–6; any failure → ServerRejected.</summary>
    public AuthReason ReceiveServerCertificate(byte[] der)
    {
        _serverKey?.Dispose();
        _serverKey = null;
        var reason = _verifier.Verify(der, _verificationTime, _peerPurpose, out var key, out var commonName);
        if (reason != AuthReason.Ok) return AuthReason.ServerRejected;
        _serverKey = key;
        _serverCommonName = commonName;
        return AuthReason.Ok;
    }

    /// <summary>Message 5: the signature (IEEE P1363, 64 bytes) of m5 = HELLO ‖ userCN ‖ edgeCN ‖ R1.</summary>
    public byte[] Hello()
    {
        string edge = _serverCommonName ?? throw new InvalidOperationException("Hello before the server certificate was accepted");
        return _credential.Sign(HandshakeMessages.Hello(CommonName, edge, _r1));
    }

    /// <summary>Message 7: verifies the server's signature of m7 = RESP ‖ R1 ‖ R2 ‖ edgeCN; failure → ServerRejected.</summary>
    public AuthReason ReceiveResponse(byte[] r2, byte[] signature)
    {
        var key = _serverKey ?? throw new InvalidOperationException("a response before the server certificate was accepted");
        bool valid = r2.Length == HandshakeNonces.Bytes
            && key.VerifyData(HandshakeMessages.Response(_r1, r2, _serverCommonName!), signature,
                HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        _r2 = valid ? (byte[])r2.Clone() : null;
        return valid ? AuthReason.Ok : AuthReason.ServerRejected;
    }

    /// <summary>Message 9: the signature of m9 = FIN ‖ R2 ‖ userCN over the R2 of an accepted response.</summary>
    public byte[] Finish()
    {
        var r2 = _r2 ?? throw new InvalidOperationException("Finish before a valid server response");
        return _credential.Sign(HandshakeMessages.Finish(r2, CommonName));
    }

    public void Dispose()
    {
        _serverKey?.Dispose();
        _serverKey = null;
    }
}
