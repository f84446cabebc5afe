namespace GpuTwin.VecEnv.Scenarios.IotMigration.Authentication;

/// <summary>
/// Outcome of verifying a credential (spec iot_migration.md §4 AuthReason, §6.A.3). The byte values are what
/// kernels see in <c>AuthReason[E, U]</c>; the first failing check of the ordered verification gives the reason.
/// </summary>
public enum AuthReason : byte
{
    Ok = 0,
    Expired = 1,
    WrongIssuer = 2,
    Tampered = 3,
    Revoked = 4,
    WrongKey = 5,
    /// <summary>Reserved: KeyUsage/EKU check failed (no pool credential triggers it by default).</summary>
    BadUsage = 6,
    /// <summary>Reserved: the user refused the edge server's credential or its signed response.</summary>
    ServerRejected = 7,
}
