using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Running;
using GpuTwin.VecEnv.Scenarios.IotMigration;
using GpuTwin.VecEnv.Scenarios.IotMigration.Authentication;
using static GpuTwin.Tests.IotMigration.IotMigrationTestBed;

namespace GpuTwin.Tests.IotMigration;

/// <summary>How the env consumes the authority (spec §6.A.5, §6.A.7): verdict bytes at join, refusals, handshakes, audits, live mode.</summary>
public class AuthenticationIntegrationTests
{
    private static IReadOnlyDictionary<string, double> RunMetrics(IotMigrationEnv env, string policy, int slots, ulong seed)
    {
        var p = Policy(env, policy, seed);
        return PolicyRunner.Run(env, p, slots, seed)[0].Metrics;
    }

    [Fact]
    public void NoBadCredentials_NoRefusals()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 2, ("users_per_server", 10), ("bad_fraction", 0), ("episode_slots", 25));
        var m = RunMetrics(env, "random", 50, 3);
        Assert.Equal(0, m["auth_refused_total"]);
        foreach (var k in new[] { "expired", "wrong_issuer", "tampered", "revoked", "wrong_key" }) Assert.Equal(0, m["join_bad_" + k]);
        Assert.True(m["auth_handshakes"] > 0);
    }

    [Fact]
    public void RefusedUsers_ComputeLocally_AndNeverLoadAServer()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        // Every credential fails as revoked: every offload attempt is refused, once per user and episode.
        using var env = Env(device, new FixedVerdictAuthority(verdict: _ => AuthReason.Revoked), 2, ("users_per_server", 10), ("episode_slots", 30));
        var s = env.State;
        int users = 150;
        Run(env, Policy(env, "edge-all"), 60, 4, afterResolve: _ =>
        {
            var eff = Read(s.ActionEff); var tx = Read(s.TxFlag); var load = Read(s.Load); var refused = Read(s.Refused);
            Assert.All(load, l => Assert.Equal(0, l));
            Assert.All(tx, f => Assert.Equal(0, f));
            for (int q = 0; q < eff.Length; q++)
                if (refused[q] != 0) Assert.True(eff[q] == 0 || eff[q] == IotMigrationRules.NoTask);
        });
        var m = PolicyRunner.Summarise(env)[0].Metrics;
        Assert.Equal(0, m["offload_ratio"]);
        Assert.Equal(m["auth_refused_total"], m["auth_refused_revoked"]);
        // At most one refusal per user and episode (2 envs × 2 episodes), and every attempting user was refused.
        Assert.InRange(m["auth_refused_total"], 1, 2 * 2 * users);
        Assert.Equal(1.0, m["refused_user_fraction"]);
        Assert.Equal(0, m["auth_handshakes"]);
        Assert.True(m["auth_latency_s"] > 0, "refusals charge the failure latency");
    }

    [Fact]
    public void DefaultBadFraction_RefusedUsersStayLocal_ForTheRestOfTheEpisode()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 2, ("users_per_server", 20), ("episode_slots", 20), ("bad_fraction", 0.2));
        var s = env.State;
        byte[] refusedBefore = [];
        int refusals = 0;
        Run(env, Policy(env, "random"), 40, 8, beforeResolve: t => refusedBefore = t % 20 == 0 ? new byte[env.NumEnvs * env.UMax] : Read(s.Refused),
            afterResolve: _ =>
            {
                var refused = Read(s.Refused); var eff = Read(s.ActionEff); var tx = Read(s.TxFlag); var ok = Read(s.AuthOk);
                for (int q = 0; q < refused.Length; q++)
                {
                    if (refusedBefore[q] != 0) Assert.Equal(1, refused[q]);
                    if (refused[q] == 0) continue;
                    refusals++;
                    Assert.Equal(0, ok[q]);
                    Assert.True(eff[q] == 0 || eff[q] == IotMigrationRules.NoTask);
                    Assert.Equal(0, tx[q]);
                }
            });
        Assert.True(refusals > 0);
    }

    [Fact]
    public void JoinVerdicts_FollowTheBadFraction_WithEqualReasonShares()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 4, ("users_per_server", 30), ("bad_fraction", 0.2), ("episode_slots", 2));
        var m = RunMetrics(env, "local", 4, 5); // two resets: 4 envs × 450 users × 2
        string[] kinds = ["expired", "wrong_issuer", "tampered", "revoked", "wrong_key"];
        double bad = kinds.Sum(k => m["join_bad_" + k]);
        double joined = 4 * 450 * 2;
        Assert.InRange(bad / joined, 0.17, 0.23);
        foreach (var k in kinds) Assert.InRange(m["join_bad_" + k], 0.7 * bad / 5, 1.3 * bad / 5);
        Assert.Equal(2 * 32, m["auth_audits"]);
        Assert.Equal(0, m["auth_audit_mismatch"]);
    }

    /// <summary>§11: at f_bad = 0.2 about 20% (± 0.03) of the users that offload at least once are refused, every reason near 1/5.</summary>
    [Fact]
    public void RefusedUserFraction_FollowsTheBadFraction_UnderRandom()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 4, ("users_per_server", 30), ("bad_fraction", 0.2));
        var m = RunMetrics(env, "random", 100, 19);
        Assert.InRange(m["refused_user_fraction"], 0.17, 0.23);
        double total = m["auth_refused_total"];
        // ≈ 300 refusals, ≈ 60 per reason (Poisson se ≈ 8): ±30% is about 2 se.
        foreach (var k in new[] { "expired", "wrong_issuer", "tampered", "revoked", "wrong_key" })
            Assert.InRange(m["auth_refused_" + k], 0.7 * total / 5, 1.3 * total / 5);
    }

    [Fact]
    public void AuditMismatch_Throws()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        var authority = new FixedVerdictAuthority { LiveOverride = _ => AuthReason.Ok };
        using var env = Env(device, authority, 2, ("users_per_server", 5), ("bad_fraction", 1));
        var ex = Assert.Throws<InvalidOperationException>(() => env.Reset(1));
        Assert.Contains("audit mismatch", ex.Message);
    }

    [Fact]
    public void GoodPoolIndices_AreDistinctWithinAnEnv_AndVerdictsFollowThePool()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 3, ("users_per_server", 50), ("bad_fraction", 0.1));
        env.Reset(9);
        device.Synchronize();
        var idx = Read(env.State.CredIndex); var ok = Read(env.State.AuthOk); var reason = Read(env.State.AuthReason);
        for (int e = 0; e < 3; e++)
        {
            var row = Row(idx, e, env.UMax);
            var good = row.Where(p => p < 1024).ToArray();
            Assert.InRange(good.Length, 600, 740);
            Assert.Equal(good.Length, good.Distinct().Count()); // users of one env never share a good identity (P_good >= U_max)
            for (int i = 0; i < 750; i++)
            {
                int q = e * env.UMax + i;
                Assert.Equal(row[i] < 1024, ok[q] == 1);
                Assert.Equal(row[i] < 1024 ? 0 : 1 + (row[i] - 1024) / 64, reason[q]);
            }
        }
    }

    [Fact]
    public void MigrationUserHandshake_AddsHandshakesAndLatency_UnderRandom()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        IReadOnlyDictionary<string, double> M(double mode)
        {
            using var env = Env(device, 2, ("users_per_server", 20), ("migration_auth", mode), ("episode_slots", 30));
            return RunMetrics(env, "random", 30, 12);
        }
        var dt = M(0);
        var user = M(1);
        Assert.True(dt["migration_ratio"] > 0);
        Assert.True(user["auth_handshakes"] > dt["auth_handshakes"]);
        Assert.True(user["auth_latency_s"] > dt["auth_latency_s"]);
    }

    [Fact]
    public void LiveMode_GivesTheSameMetricsAsTheCache_WithRealCertificates()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var authority = new X509CredentialAuthority(poolGood: 1024, poolBad: 64, edgeServers: 15);
        double[] Totals(double mode)
        {
            using var env = Env(device, authority, 4, ("users_per_server", 10), ("auth_mode", mode), ("bad_fraction", 0.2),
                ("episode_slots", 8), ("auth_audit_per_episode", 4));
            RunMetrics(env, "random", 7, 6); // one join pass of 600 live handshakes, 7 slots without a reset
            return Read(env.CounterTotals);
        }
        Assert.Equal(Totals(0), Totals(1));
    }

    [Fact]
    public void DeferredAuthority_IssuesAtTheFirstReset_NotWhenOnlyTheSpecIsRead()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        int issued = 0;
        var deferred = new DeferredCredentialAuthority(1024, 64, 32, () => { issued++; return new FixedVerdictAuthority(); });
        using var env = Env(device, deferred, 2, ("users_per_server", 5));
        Assert.Equal(12, env.Spec.Groups[0].ObservationSize);
        Assert.False(deferred.Issued);
        env.Reset(1);
        env.Reset(2);
        Assert.Equal(1, issued);
        var wrong = new DeferredCredentialAuthority(1024, 64, 32, () => new FixedVerdictAuthority(poolBad: 8));
        using var env2 = Env(device, wrong, 1, ("users_per_server", 5));
        Assert.Throws<InvalidOperationException>(() => env2.Reset(1));
    }

    [Fact]
    public void LiveMode_IsRefusedAbove20000UserSlots()
    {
        var ex = Assert.Throws<VecEnv.Parameters.ParameterException>(() =>
            IotMigrationParameters.Validate(Grid(30, [("auth_mode", 1), ("users_per_server", 50)]), 1024)); // 30 × 750 user slots
        Assert.Contains("auth_mode", ex.Message);
        Assert.Contains("20000", ex.Message);
    }
}
