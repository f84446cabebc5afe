using GpuTwin.Kernels.Numerics;
using GpuTwin.Kernels.Random;
using St = GpuTwin.VecEnv.Scenarios.IotMigration.IotMigrationStreams;

namespace GpuTwin.VecEnv.Scenarios.IotMigration;

/// <summary>
/// Credential assignment at join (spec §3, §6.A.5), keyed by the reset of episode k: bad_i = 1(u_CRED,2 &lt; f_bad),
/// kind_i = 1 + min(4, ⌊5·u_CRED,3⌋); good users take pool index (o_g + i) mod P_good, bad ones
/// P_good + (kind − 1)·P_bad + (o_b + i) mod P_bad, with the per-env offsets o_g, o_b from entity 0xFFFF.
/// A pure function, usable on the host join pass and on a device join path alike.
/// </summary>
public static class IotMigrationCredentials
{
    public static int PoolIndex(in CounterRng resetRng, int user, float badFraction, int poolGood, int poolBad)
    {
        bool bad = St.Draw(resetRng, St.Cred, St.CredBad, user) < badFraction;
        if (!bad)
        {
            int og = St.Index(St.Draw(resetRng, St.Cred, St.CredGoodOffset, St.EnvEntity), poolGood);
            return (og + user) % poolGood;
        }
        int kind = 1 + FMath.Min(4, (int)(5f * St.Draw(resetRng, St.Cred, St.CredKind, user)));
        int ob = St.Index(St.Draw(resetRng, St.Cred, St.CredBadOffset, St.EnvEntity), poolBad);
        return poolGood + (kind - 1) * poolBad + (ob + user) % poolBad;
    }

    /// <summary>The audited (env, user) pair a of the reset of episode k (spec §6.A.5), from env 0's key with entity 0xFFFE.</summary>
    public static (int Env, int User) AuditTarget(ulong seed, int episode, int audit, int numEnvs, Func<int, int> usersOfEnv)
    {
        var rng = St.ResetRng(seed, 0, episode);
        int e = St.Index(St.Draw(rng, St.Cred, St.CredAuditFirst + 2 * audit, St.AuditEntity), numEnvs);
        int i = St.Index(St.Draw(rng, St.Cred, St.CredAuditFirst + 1 + 2 * audit, St.AuditEntity), usersOfEnv(e));
        return (e, i);
    }
}
