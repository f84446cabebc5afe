namespace GpuTwin.VecEnv.Scenarios.IotMigration.Authentication;

/// <summary>How the handshake nonces R1 (user) and R2 (edge server) are made (spec iot_migration.md §6.A.3 step 7).</summary>
public enum NonceMode : byte
{
    /// <summary>R = SHA-256(seed, env, user, server, attempt, "R1" or "R2"): reproducible runs (default).</summary>
    Deterministic = 0,
    /// <summary>R from <see cref="System.Security.Cryptography.RandomNumberGenerator.Fill"/>: fresh every handshake.</summary>
    Secure = 1,
}
