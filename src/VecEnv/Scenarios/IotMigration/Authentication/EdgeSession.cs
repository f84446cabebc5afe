using System.Security.Cryptography;

namespace GpuTwin.VecEnv.Scenarios.IotMigration.Authentication;

/// <summary>
/// The edge server's side of one handshake (spec iot_migration.md §6.A.3): checks the user's certificate (steps
/// 1–6), verifies m5 with the certified key, answers with its signed m7 carrying this session's challenge R2, and
/// verifies the user's m9 against that same R2, so a response recorded in another session is refused (WrongKey).
/// </summary>
public sealed class EdgeSession : IDisposable
{
    private readonly Credential _credential;
    private readonly CertificateVerifier _verifier;
    private readonly DateTimeOffset _verificationTime;
    private readonly string _peerPurpose;
    private readonly byte[] _r2;
    private ECDsa? _userKey;
    private string? _userCommonName;
    private byte[]? _r1;
    private bool _responded;

    internal EdgeSession(Credential credential, CertificateVerifier verifier, DateTimeOffset verificationTime, HandshakeNonces nonces, string peerPurpose)
    {
        _credential = credential;
        _verifier = verifier;
        _verificationTime = verificationTime;
        _peerPurpose = peerPurpose;
        _r2 = nonces.R2;
    }

    public string CommonName => _credential.CommonName;

    /// <summary>Message 4: the server's certificate (a copy).</summary>
    public byte[] CertificateDer => (byte[])_credential.CertificateDer.Clone();

    internal byte[] CertificateDerShared => _credential.CertificateDer;

    /// <summary>This session's challenge R2 (a copy).</summary>
    public byte[] R2 => (byte[])_r2.Clone();

    /// <summary>Message 3: the ordered certificate checks 1–6; the first failure is the reason.</summary>
    public AuthReason ReceiveCertificate(byte[] der)
    {
        _userKey?.Dispose();
        _userKey = null;
        var reason = _verifier.Verify(der, _verificationTime, _peerPurpose, out var key, out var commonName);
        if (reason != AuthReason.Ok) return reason;
        _userKey = key;
        _userCommonName = commonName;
        return AuthReason.Ok;
    }

    /// <summary>Message 5: verifies the signature of m5 = HELLO ‖ userCN ‖ edgeCN ‖ R1; failure → WrongKey.</summary>
    public AuthReason ReceiveHello(byte[] r1, byte[] signature)
    {
        var key = _userKey ?? throw new InvalidOperationException("a hello before the user certificate was accepted");
        bool valid = r1.Length == HandshakeNonces.Bytes
            && key.VerifyData(HandshakeMessages.Hello(_userCommonName!, CommonName, r1), signature,
                HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        _r1 = valid ? (byte[])r1.Clone() : null;
        return valid ? AuthReason.Ok : AuthReason.WrongKey;
    }

    /// <summary>Message 7: the server's signature of m7 = RESP ‖ R1 ‖ R2 ‖ edgeCN (send it with <see cref="R2"/>).</summary>
    public byte[] Respond()
    {
        var r1 = _r1 ?? throw new InvalidOperationException("Respond before a valid hello");
        _responded = true;
        return _credential.Sign(HandshakeMessages.Response(r1, _r2, CommonName));
    }

    /// <summary>Message 9: verifies m9 = FIN ‖ R2 ‖ userCN against this session's R2; failure → WrongKey.</summary>
    public AuthReason ReceiveFinish(byte[] signature)
    {
        if (!_responded || _userKey is null) throw new InvalidOperationException("a finish before this session's response was sent");
        bool valid = _userKey.VerifyData(HandshakeMessages.Finish(_r2, _userCommonName!), signature,
            HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return valid ? AuthReason.Ok : AuthReason.WrongKey;
    }

    public void Dispose()
    {
        _userKey?.Dispose();
        _userKey = null;
    }
}
