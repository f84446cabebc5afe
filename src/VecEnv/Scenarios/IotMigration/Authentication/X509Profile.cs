namespace GpuTwin.VecEnv.Scenarios.IotMigration.Authentication;

/// <summary>Names, object identifiers and validity offsets of the credential profile (spec iot_migration.md §6.A.2).</summary>
public static class X509Profile
{
    public const string TrustAnchorSubject = "CN=GpuTwin IotMigration TA, O=GpuTwin";
    public const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";
    public const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";
    public const string EcPublicKeyOid = "1.2.840.10045.2.1";
    public const string P256CurveOid = "1.2.840.10045.3.1.7";
    public const string EcdsaWithSha256Oid = "1.2.840.10045.4.3.2";
    public const string AuthorityKeyIdentifierOid = "2.5.29.35";
    public const string CrlNumberOid = "2.5.29.20";

    /// <summary>Default simulation epoch: certificate times are relative to it, never to the wall clock.</summary>
    public static readonly DateTimeOffset DefaultSimEpoch = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>TA (and rogue CA) validity: SimEpoch ± 3650 d, earlier than every credential it signs.</summary>
    public static readonly TimeSpan AuthorityHalfValidity = TimeSpan.FromDays(3650);
    /// <summary>Good credentials: notBefore = SimEpoch − 1 d, notAfter = SimEpoch + 365 d.</summary>
    public static readonly TimeSpan CredentialLead = TimeSpan.FromDays(1);
    public static readonly TimeSpan CredentialLifetime = TimeSpan.FromDays(365);
    /// <summary>Expired credentials: [SimEpoch − 400 d, SimEpoch − 1 d].</summary>
    public static readonly TimeSpan ExpiredStart = TimeSpan.FromDays(400);
    /// <summary>CRL: thisUpdate = SimEpoch − 1 h, nextUpdate = SimEpoch + 30 d; revocations dated SimEpoch − 1 d.</summary>
    public static readonly TimeSpan CrlThisUpdateLead = TimeSpan.FromHours(1);
    public static readonly TimeSpan CrlLifetime = TimeSpan.FromDays(30);

    public const string UserOrganization = "GpuTwin Users";
    public const string EdgeOrganization = "GpuTwin Edge";

    public static string UserCommonName(long id) => $"user-{id:D6}";
    public static string EdgeCommonName(int server) => $"edge-{server:D3}";

    /// <summary>16-byte serial: 0x01, the credential id as 8 bytes big-endian, 7 zero bytes (positive, deterministic).</summary>
    public static byte[] Serial(long credentialId)
    {
        var serial = new byte[16];
        serial[0] = 0x01;
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(serial.AsSpan(1), credentialId);
        return serial;
    }
}
