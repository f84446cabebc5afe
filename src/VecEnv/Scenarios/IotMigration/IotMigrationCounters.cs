using GpuTwin.VecEnv.Metrics;

namespace GpuTwin.VecEnv.Scenarios.IotMigration;

/// <summary>Raw per-slot counters of iot-migration and the metrics of spec §7 derived from them (ratios of sums, so
/// episode means are means over all tasks, not means of slot means).</summary>
public static class IotMigrationCounters
{
    public const int Tasks = 0, LatencyS = 1, Reward = 2, Violations = 3, Offloaded = 4, ThetaSum = 5, Migrations = 6,
        Transmitters = 7, RateOutages = 8, SinrDb = 9, RateBps = 10, ServerLoad = 11, ServerSteps = 12, ServerLoadMax = 13,
        Handshakes = 14, Refused = 15, RefusedExpired = 16, RefusedWrongIssuer = 17, RefusedTampered = 18, RefusedRevoked = 19,
        RefusedWrongKey = 20, AuthLatencyS = 21, EnvSteps = 22, RewardEnv = 23, Decisions = 24, Episodes = 25,
        UsersJoined = 26, JoinBadExpired = 27, JoinBadWrongIssuer = 28, JoinBadTampered = 29, JoinBadRevoked = 30,
        JoinBadWrongKey = 31, AttemptUsers = 32, Audits = 33, AuditMismatch = 34, RefusedOther = 35, UplinkAttempts = 36;

    /// <summary>Columns of the host join-pass counts [E, JoinWidth]: joined users, join_bad by reason 1..5, audits, audit mismatches.</summary>
    public const int JoinUsers = 0, JoinBadFirst = 1, JoinAudits = 6, JoinAuditMismatch = 7, JoinWidth = 8;

    public static CounterSet Set { get; } = new(
        [
            new("tasks", "1"), new("latency_s", "s"), new("reward", "1/s"), new("violations", "1"), new("offloaded", "1"),
            new("theta_sum", "1"), new("migrations", "1"), new("transmitters", "1"), new("rate_outages", "1"),
            new("sinr_db", "dB"), new("rate_bps", "bit/s"), new("server_load", "tasks"), new("server_steps", "1"),
            new("server_load_max", "tasks", Accumulate.Max), new("auth_handshakes", "1"), new("auth_refused", "1"),
            new("auth_refused_expired", "1"), new("auth_refused_wrong_issuer", "1"), new("auth_refused_tampered", "1"),
            new("auth_refused_revoked", "1"), new("auth_refused_wrong_key", "1"), new("auth_latency_s", "s"),
            new("env_steps", "1"), new("reward_env", "1/s"), new("decisions", "1"), new("episodes_ended", "1"),
            new("users_joined", "1"), new("join_bad_expired", "1"), new("join_bad_wrong_issuer", "1"),
            new("join_bad_tampered", "1"), new("join_bad_revoked", "1"), new("join_bad_wrong_key", "1"),
            new("offload_attempt_users", "1"), new("auth_audits", "1"), new("auth_audit_mismatch", "1"),
            new("auth_refused_other", "1"), new("uplink_attempts", "1"),
        ],
        [
            new("mean_latency_s", "s", "mean T_proc over all tasks (Figs. 5, 6)", LatencyS, Tasks, Headline: true),
            new("mean_reward", "1/s", "mean r over all tasks (Fig. 4)", Reward, Tasks, Headline: true),
            new("deadline_violation_ratio", "1", "share of tasks with T_proc > Z", Violations, Tasks, Headline: true),
            new("offload_ratio", "1", "share of tasks with an effective offload (ActionEff != 0)", Offloaded, Tasks, Headline: true),
            new("auth_refused_total", "1", "refused handshake attempts", Refused, -1, Headline: true),
            new("tasks", "1", "requesting users per env-slot", Tasks, EnvSteps),
            new("system_cost_s", "s", "Σ T_proc per env-slot (eq. 10)", LatencyS, EnvSteps),
            new("mean_theta", "1", "mean effective local share θ (1 for local)", ThetaSum, Tasks),
            new("migration_ratio", "1", "MIGRATE among the transmitting tasks", Migrations, Transmitters),
            new("rate_outages", "1", "offloads that fell back to local with R < R_min", RateOutages, -1),
            new("rate_outage_ratio", "1", "rate outages per offload that reached the uplink (pass-1 transmitters)", RateOutages, UplinkAttempts),
            new("mean_sinr_db", "dB", "mean final-pass SINR over the transmitters", SinrDb, Transmitters),
            new("mean_rate_bps", "bit/s", "mean final-pass rate over the transmitters", RateBps, Transmitters),
            new("server_load_mean", "tasks", "mean n_m over servers and slots", ServerLoad, ServerSteps),
            new("server_load_max", "tasks", "largest n_m seen", ServerLoadMax, -1),
            new("auth_handshakes", "1", "successful handshakes", Handshakes, -1),
            new("auth_refused_expired", "1", "refused attempts: expired certificate", RefusedExpired, -1),
            new("auth_refused_wrong_issuer", "1", "refused attempts: rogue issuer", RefusedWrongIssuer, -1),
            new("auth_refused_tampered", "1", "refused attempts: tampered certificate", RefusedTampered, -1),
            new("auth_refused_revoked", "1", "refused attempts: revoked certificate", RefusedRevoked, -1),
            new("auth_refused_wrong_key", "1", "refused attempts: failed proof of possession", RefusedWrongKey, -1),
            new("auth_latency_s", "s", "Σ charged handshake and failure latencies", AuthLatencyS, -1),
            new("auth_latency_share", "1", "auth_latency_s / Σ T_proc", AuthLatencyS, LatencyS),
            new("mean_env_reward", "1/s", "reward stream 0 (mean r of the env's requesters) per env-slot", RewardEnv, EnvSteps),
            new("episodes", "1", "ended (truncated) episodes", Episodes, -1),
            new("join_bad_expired", "1", "joined users with an expired credential", JoinBadExpired, -1),
            new("join_bad_wrong_issuer", "1", "joined users with a rogue-issuer credential", JoinBadWrongIssuer, -1),
            new("join_bad_tampered", "1", "joined users with a tampered credential", JoinBadTampered, -1),
            new("join_bad_revoked", "1", "joined users with a revoked credential", JoinBadRevoked, -1),
            new("join_bad_wrong_key", "1", "joined users without the certificate's private key", JoinBadWrongKey, -1),
            new("refused_user_fraction", "1", "refused users among the users that chose to offload at least once", Refused, AttemptUsers),
            new("handshakes_per_user", "1", "successful handshakes per joined user", Handshakes, UsersJoined),
            new("auth_audits", "1", "live audit handshakes at the resets", Audits, -1),
            new("auth_audit_mismatch", "1", "audits whose verdict differed from the uploaded one (must be 0)", AuditMismatch, -1),
        ]);
}
