using System.Security.Cryptography;
using System.Text;
using GpuTwin.VecEnv.Scenarios.IotMigration.Authentication;

namespace GpuTwin.Tests.IotMigration.Authentication;

/// <summary>Messages 5–9 of spec iot_migration.md §6.A.3 step 7: encoding, nonces, and replay resistance.</summary>
[Collection(AuthorityCollection.Name)]
public class HandshakeTests(AuthorityFixture fixture)
{
    private readonly X509CredentialAuthority _ca = fixture.Authority;

    [Fact]
    public void Messages_AreTheTagThenLengthPrefixedFields()
    {
        byte[] r1 = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        byte[] r2 = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();
        static byte[] Field(byte[] b) => [(byte)(b.Length >> 8), (byte)b.Length, .. b];
        byte[] user = Encoding.UTF8.GetBytes("user-000007"), edge = Encoding.UTF8.GetBytes("edge-002");

        Assert.Equal([.. "IOTMIG/1|HELLO|"u8, .. Field(user), .. Field(edge), .. Field(r1)], HandshakeMessages.Hello("user-000007", "edge-002", r1));
        Assert.Equal([.. "IOTMIG/1|RESP|"u8, .. Field(r1), .. Field(r2), .. Field(edge)], HandshakeMessages.Response(r1, r2, "edge-002"));
        Assert.Equal([.. "IOTMIG/1|FIN|"u8, .. Field(r2), .. Field(user)], HandshakeMessages.Finish(r2, "user-000007"));
        // length prefixes keep field boundaries apart: "ab"‖"c" and "a"‖"bc" differ
        Assert.NotEqual(HandshakeMessages.Hello("ab", "c", r1), HandshakeMessages.Hello("a", "bc", r1));
    }

    [Fact]
    public void DeterministicNonces_AreSha256OfTheKey_AndReproduce()
    {
        byte[] key = [0, 0, 0, 0, 0, 0, 0, 42, 0, 0, 0, 5, 0, 0, 1, 0, 0, 0, 0, 9, 0, 0, 0, 2, (byte)'R', (byte)'1'];
        var nonces = HandshakeNonces.Create(NonceMode.Deterministic, seed: 42, env: 5, user: 256, server: 9, attempt: 2);
        Assert.Equal(SHA256.HashData(key), nonces.R1);
        key[^1] = (byte)'2';
        Assert.Equal(SHA256.HashData(key), nonces.R2);

        var again = _ca.CreateNonces(42, 5, 256, 9, 2);
        Assert.Equal(nonces.R1, again.R1);
        Assert.Equal(nonces.R2, again.R2);
        Assert.NotEqual(nonces.R1, _ca.CreateNonces(42, 5, 256, 9, 3).R1);
        Assert.NotEqual(nonces.R2, _ca.CreateNonces(42, 5, 256, 8, 2).R2);
    }

    [Fact]
    public void SecureNonces_DifferEveryTime()
    {
        var a = HandshakeNonces.Create(NonceMode.Secure, 1, 0, 0, 0, 0);
        var b = HandshakeNonces.Create(NonceMode.Secure, 1, 0, 0, 0, 0);
        Assert.NotEqual(a.R1, b.R1);
        Assert.NotEqual(a.R2, b.R2);
        Assert.NotEqual(a.R1, a.R2);
        using var secure = new X509CredentialAuthority(poolGood: 2, poolBad: 1, edgeServers: 2, nonceMode: NonceMode.Secure);
        Assert.Equal(NonceMode.Secure, secure.NonceMode);
        Assert.Equal(AuthReason.Ok, secure.LiveHandshake(0, 1, 0, 1, 0, 0, 0));
        Assert.Equal(AuthReason.WrongKey, secure.LiveHandshake(secure.PoolIndexOf(AuthReason.WrongKey, 0), 1, 0, 1, 0, 0, 0));
    }

    /// <summary>Runs messages 3–7 of a session and returns the accepted user session (m9 not yet sent).</summary>
    private static void UpToResponse(UserSession device, EdgeSession edge)
    {
        Assert.Equal(AuthReason.Ok, edge.ReceiveCertificate(device.CertificateDer));
        Assert.Equal(AuthReason.Ok, device.ReceiveServerCertificate(edge.CertificateDer));
        Assert.Equal(AuthReason.Ok, edge.ReceiveHello(device.R1, device.Hello()));
        Assert.Equal(AuthReason.Ok, device.ReceiveResponse(edge.R2, edge.Respond()));
    }

    [Fact]
    public void AFullMessageLevelHandshake_Succeeds()
    {
        var nonces = _ca.CreateNonces(3, 1, 4, 1, 0);
        using var device = _ca.OpenUserSession(4, 0, nonces);
        using var edge = _ca.OpenEdgeSession(1, 0, nonces);
        Assert.Equal("user-000004", device.CommonName);
        Assert.Equal("edge-001", edge.CommonName);
        UpToResponse(device, edge);
        byte[] fin = device.Finish();
        Assert.Equal(64, fin.Length); // IEEE P1363: r ‖ s, 32 bytes each
        Assert.Equal(AuthReason.Ok, edge.ReceiveFinish(fin));
    }

    [Fact]
    public void AReplayedFinish_ToAnotherChallenge_IsRefused()
    {
        const int user = 5;
        var first = _ca.CreateNonces(3, 0, user, 0, attempt: 0);
        byte[] recordedFin;
        using (var device = _ca.OpenUserSession(user, 0, first))
        using (var edge = _ca.OpenEdgeSession(0, 0, first))
        {
            UpToResponse(device, edge);
            recordedFin = device.Finish();
            Assert.Equal(AuthReason.Ok, edge.ReceiveFinish(recordedFin));
        }

        var second = _ca.CreateNonces(3, 0, user, 0, attempt: 1);
        Assert.NotEqual(first.R2, second.R2);
        using var device2 = _ca.OpenUserSession(user, 0, second);
        using var edge2 = _ca.OpenEdgeSession(0, 0, second);
        UpToResponse(device2, edge2);
        Assert.Equal(AuthReason.WrongKey, edge2.ReceiveFinish(recordedFin));
        Assert.Equal(AuthReason.Ok, edge2.ReceiveFinish(device2.Finish()));
    }

    [Fact]
    public void AReplayedHello_UnderAFreshR1_IsRefused_AndUnderItsOldR1_CannotFinish()
    {
        const int user = 6;
        var first = _ca.CreateNonces(3, 0, user, 0, 0);
        byte[] recordedHello, recordedR1, recordedFin;
        using (var device = _ca.OpenUserSession(user, 0, first))
        using (var edge = _ca.OpenEdgeSession(0, 0, first))
        {
            UpToResponse(device, edge);
            recordedHello = device.Hello();
            recordedR1 = device.R1;
            recordedFin = device.Finish();
        }

        // an attacker holding only the recorded messages and the stolen (public) certificate
        var second = _ca.CreateNonces(3, 0, user, 0, 1);
        using var edgeA = _ca.OpenEdgeSession(0, 0, second);
        Assert.Equal(AuthReason.Ok, edgeA.ReceiveCertificate(_ca.GetCertificateDer(user)));
        Assert.Equal(AuthReason.WrongKey, edgeA.ReceiveHello(second.R1, recordedHello));

        using var edgeB = _ca.OpenEdgeSession(0, 0, second);
        Assert.Equal(AuthReason.Ok, edgeB.ReceiveCertificate(_ca.GetCertificateDer(user)));
        Assert.Equal(AuthReason.Ok, edgeB.ReceiveHello(recordedR1, recordedHello));
        edgeB.Respond();
        Assert.Equal(AuthReason.WrongKey, edgeB.ReceiveFinish(recordedFin));
    }

    [Fact]
    public void AForgedOrReplayedServerResponse_IsServerRejected()
    {
        var first = _ca.CreateNonces(9, 0, 1, 0, 0);
        byte[] recordedResp, recordedR2;
        using (var device = _ca.OpenUserSession(1, 0, first))
        using (var edge = _ca.OpenEdgeSession(0, 0, first))
        {
            UpToResponse(device, edge);
            recordedR2 = edge.R2;
            recordedResp = edge.Respond();
        }
        var second = _ca.CreateNonces(9, 0, 1, 0, 1);
        using var device2 = _ca.OpenUserSession(1, 0, second);
        using var edge2 = _ca.OpenEdgeSession(0, 0, second);
        Assert.Equal(AuthReason.Ok, edge2.ReceiveCertificate(device2.CertificateDer));
        Assert.Equal(AuthReason.Ok, device2.ReceiveServerCertificate(edge2.CertificateDer));
        Assert.Equal(AuthReason.Ok, edge2.ReceiveHello(device2.R1, device2.Hello()));
        // the old response signed R1 of the first session: refused even with its own R2
        Assert.Equal(AuthReason.ServerRejected, device2.ReceiveResponse(recordedR2, recordedResp));
        byte[] flipped = edge2.Respond();
        flipped[5] ^= 1;
        Assert.Equal(AuthReason.ServerRejected, device2.ReceiveResponse(edge2.R2, flipped));
        Assert.Throws<InvalidOperationException>(() => device2.Finish()); // nothing to sign without an accepted R2
        Assert.Equal(AuthReason.Ok, device2.ReceiveResponse(edge2.R2, edge2.Respond()));
    }

    [Fact]
    public void MessagesOutOfOrder_Throw()
    {
        var nonces = _ca.CreateNonces(0, 0, 0, 0, 0);
        using var device = _ca.OpenUserSession(0, 0, nonces);
        using var edge = _ca.OpenEdgeSession(0, 0, nonces);
        Assert.Throws<InvalidOperationException>(() => device.Hello());
        Assert.Throws<InvalidOperationException>(() => edge.Respond());
        Assert.Throws<InvalidOperationException>(() => edge.ReceiveFinish(new byte[64]));
    }
}
