using GpuTwin.VecEnv.Parameters;

namespace GpuTwin.VecEnv.Scenarios.IotMigration;

/// <summary>
/// Parameters of <c>iot-migration</c> (paper 001, Table I; spec §8, §6.A.4). The index constants give each
/// parameter's column in the device block [E, Count]; <see cref="Table"/> lists them in the same order.
/// "spec" marks the spec's recommendations where the paper gives no value.
/// </summary>
public static class IotMigrationParameters
{
    public const int UsersPerServer = 0, Servers = 1, AreaM = 2, ServerLayout = 3, FEdgeHz = 4, FLocalHz = 5, TxPowerW = 6,
        BandwidthHz = 7, NoiseW = 8, PlADb = 9, PlBDb = 10, DMinM = 11, RMinBps = 12, DeadlineS = 13, CyclesPerBit = 14,
        TaskMeanBits = 15, TaskSpread = 16, LambdaMax = 17, MigSplit = 18, BadFraction = 19, ThetaLevels = 20, Combine = 21,
        Eq9 = 22, RewardMode = 23, DeadlinePenalty = 24, TFloorS = 25, MigrationRate = 26, BackhaulBps = 27, TCtxS = 28,
        AuthLatency = 29, MigrationAuth = 30, TAirS = 31, UserSignS = 32, UserVerifyS = 33, EdgeSignS = 34, EdgeVerifyS = 35,
        RDlBps = 36, CertBits = 37, M5Bits = 38, M7Bits = 39, M9Bits = 40, SpeedLoMps = 41, SpeedHiMps = 42, PTurn = 43,
        SlotS = 44, EpisodeSlots = 45, MigrationMask = 46, AuthMode = 47, AuthAuditPerEpisode = 48;

    // Choice levels (stored as their index).
    public const int LayoutGrid = 0, LayoutRandomFixed = 1;
    public const int CombineMax = 0, CombineSum = 1;
    public const int Eq9Corrected = 0, Eq9PaperLiteral = 1;
    public const int RewardIndividual = 0, RewardClusterMean = 1, RewardGlobalMean = 2, RewardNegLatency = 3;
    public const int MigrationRateUplink = 0, MigrationRateBackhaul = 1;
    public const int AuthLatencySpec = 0, AuthLatencyNone = 1;
    public const int MigrationAuthDtContext = 0, MigrationAuthUserHandshake = 1;
    public const int MigrationMaskAll = 0, MigrationMaskCellEdgeOnly = 1;
    public const int AuthModeCached = 0, AuthModeLive = 1;

    /// <summary>Bounds of the padded buffers: SessionMask is one uint32 (N ≤ 32); θ levels give ≤ 17 actions.</summary>
    public const int MaxServers = 32, MaxUsersPerServer = 64, MaxThetaLevels = 9;
    /// <summary>AuthMode = Live is a config error above this many user slots (E·U_max, spec §6.A.5).</summary>
    public const long MaxLiveUserSlots = 20000;
    /// <summary>Audit draws use CRED subs 4..5 + 2(A − 1), inside the 128 subs of a stream.</summary>
    public const int MaxAudits = 61;
    /// <summary>The CRL's nextUpdate bounds a run's simulated time (spec §6.A.1): 30 days.</summary>
    public const double MaxSimulatedSeconds = 30 * 86400.0;

    public static ParameterTable Table { get; } = new(
    [
        new("users_per_server", 30, 1, MaxUsersPerServer, "users", "ρ: users per edge server; U = ρ·N (padded to the batch maximum)", ParameterKind.Integer, Source: "Sec. V, Fig. 5"),
        new("servers", 15, 1, MaxServers, "servers", "N: edge servers (small cells)", ParameterKind.Integer, Source: "Sec. V, spec §12.1"),
        new("area_m", 500, 1, 1e5, "m", "side W of the square area", Source: "Sec. V"),
        ParameterDef.Choice("server_layout", LayoutGrid, ["grid", "random-fixed"], "cell-centre grid (5 x 3 for N = 15) or uniform positions drawn once per env from the seed", "spec §2"),
        new("f_edge_hz", 1e10, 1, 1e14, "cycles/s", "F_max: CPU of each edge server", Source: "Table I"),
        new("f_local_hz", 5e8, 1, 1e12, "cycles/s", "f_local: user CPU", Source: "Table I"),
        new("tx_power_w", 0.1, 1e-6, 10, "W", "P: user transmit power", Source: "Table I"),
        new("bandwidth_hz", 1e7, 1, 1e10, "Hz", "W: uplink bandwidth (full reuse)", Source: "Table I"),
        new("noise_w", 1e-14, 1e-25, 1, "W", "σ²: noise power (the paper's 1e-11 mW)", Source: "Table I, spec §12.14"),
        new("pl_a_db", 127, 0, 300, "dB", "path loss intercept a of a + b·log10(d / 1 km)", Source: "Table I, spec §12.13"),
        new("pl_b_db", 30, 0, 100, "dB", "path loss slope b (α = b/10)", Source: "Table I"),
        new("d_min_m", 10, 0.01, 1000, "m", "distance floor of the path loss", Source: "spec §8"),
        new("r_min_bps", 1e5, 1, 1e10, "bit/s", "R_min: below it an offload is in rate outage and falls back to local", Source: "Table I, spec §12.16"),
        new("deadline_s", 1, 1e-6, 1e4, "s", "Z: delay requirement (violations are logged, not enforced)", Source: "Table I, spec §12.17"),
        new("cycles_per_bit", 1000, 1e-3, 1e7, "cycles/bit", "C: CPU cycles per task bit", Source: "spec §12.2, §12.12"),
        new("task_mean_bits", 4e5, 1, 1e10, "bit", "B̄: mean task size (Fig. 6 axis)", Source: "spec §12.12"),
        new("task_spread", 0.5, 0, 0.99, "1", "s: B ~ U[(1 − s)B̄, (1 + s)B̄]", Source: "spec §3"),
        new("lambda_max", 0.2, 1e-6, 10, "1/slot", "λ_max: per-user Poisson rates λ_i ~ U(0, λ_max]", Source: "Sec. V, spec §12.10"),
        new("mig_split", 0.5, 0, 1, "1", "κ: the source server executes β = κ(1 − θ) of a migrated task", Source: "spec §12.6"),
        new("bad_fraction", 0.05, 0, 1, "1", "f_bad: share of users joining with a bad credential", Source: "spec §12.31"),
        new("theta_levels", 5, 2, MaxThetaLevels, "levels", "θ grid {0, 1/(L−1), …, 1}; actions 1 + 2(L − 1)", ParameterKind.Integer, Source: "spec §5.2"),
        ParameterDef.Choice("combine", CombineMax, ["max", "sum"], "T_proc = max(T_local, T_edge) (parallel parts) or their sum (paper-literal)", "spec §12.4"),
        ParameterDef.Choice("eq9", Eq9Corrected, ["corrected", "paper-literal"], "with migration the source executes β only, or the whole (1 − θ) as eq. 9 reads", "spec §12.5"),
        ParameterDef.Choice("reward_mode", RewardIndividual, ["individual", "cluster-mean", "global-mean", "neg-latency"], "r_i = 1/max(T, T_floor), its mean per serving server or per env, or −T/Z", "spec §7, §12.18"),
        ParameterDef.Choice("deadline_penalty", 0, ["off", "on"], "add −1 to the reward of a task with T > Z", "spec §7"),
        new("t_floor_s", 1e-3, 1e-9, 1, "s", "T_floor of the reward 1/max(T, T_floor)", Source: "spec §8"),
        ParameterDef.Choice("migration_rate", MigrationRateUplink, ["uplink", "backhaul"], "the migrated remainder travels at the user's R_i (eq. 7 as printed) or at the backhaul rate", "spec §12.7"),
        new("backhaul_bps", 1e9, 1, 1e12, "bit/s", "R_bh of migration_rate=backhaul", Source: "spec §12.7"),
        new("t_ctx_s", 0, 0, 10, "s", "T_ctx: DT context transfer time added to a migration", Source: "spec §6.A.7"),
        ParameterDef.Choice("auth_latency", AuthLatencySpec, ["spec", "none"], "charge the handshake and failure latencies of §6.A.4, or nothing (paper-literal)", "spec §6.A.4"),
        ParameterDef.Choice("migration_auth", MigrationAuthDtContext, ["dt-context", "user-handshake"], "migration needs no user handshake (DT context transfer), or one at j' if its session bit is clear", "spec §6.A.7"),
        new("t_air_s", 1e-3, 0, 1, "s", "t_air: one-way radio message", Source: "spec §6.A.4"),
        new("user_sign_s", 1e-3, 0, 1, "s", "s_u: ECDSA sign on the user device", Source: "spec §6.A.4"),
        new("user_verify_s", 3e-3, 0, 1, "s", "v_u: ECDSA verify on the user device", Source: "spec §6.A.4"),
        new("edge_sign_s", 5e-5, 0, 1, "s", "s_s: ECDSA sign on the edge server", Source: "spec §6.A.4"),
        new("edge_verify_s", 1.5e-4, 0, 1, "s", "v_s: ECDSA verify on the edge server", Source: "spec §6.A.4"),
        new("r_dl_bps", 5e7, 1, 1e12, "bit/s", "R_dl: downlink rate of the handshake messages", Source: "spec §6.A.4"),
        new("cert_bits", 4400, 0, 1e6, "bit", "b_cert: certificate size on the air", Source: "spec §6.A.4"),
        new("m5_bits", 928, 0, 1e6, "bit", "b_m5: signed Hello + R1", Source: "spec §6.A.4"),
        new("m7_bits", 1104, 0, 1e6, "bit", "b_m7: the edge's signed response", Source: "spec §6.A.4"),
        new("m9_bits", 832, 0, 1e6, "bit", "b_m9: the user's signed R2", Source: "spec §6.A.4"),
        new("speed_lo_mps", 0.5, 0, 100, "m/s", "lower end of the user speed draw", Source: "spec §2"),
        new("speed_hi_mps", 1.5, 0, 100, "m/s", "upper end of the user speed draw", Source: "spec §2"),
        new("p_turn", 0.1, 0, 1, "1", "per-slot probability of a new heading", Source: "spec §2"),
        new("slot_s", 1, 1e-3, 100, "s", "Δt: slot length (moves users; the latency model is one-shot)", Source: "spec §2"),
        new("episode_slots", 100, 1, 100000, "slots", "H: slots per episode (truncation); one value per batch", ParameterKind.Integer, Source: "spec §2"),
        ParameterDef.Choice("migration_mask", MigrationMaskAll, ["all", "cell-edge-only"], "MIGRATE allowed everywhere, or only at DistRatio >= 0.8 (else it runs as STAY with the same θ)", "spec §5.2"),
        ParameterDef.Choice("auth_mode", AuthModeCached, ["cached", "live"], "join verdicts from the verification cache, or one live handshake per join (E·U_max <= 20000)", "spec §6.A.5"),
        new("auth_audit_per_episode", 32, 0, MaxAudits, "handshakes", "live audit handshakes at every reset, checked against the uploaded verdicts", ParameterKind.Integer, Source: "spec §6.A.5"),
    ]);

    /// <summary>Cross-field checks the per-field ranges cannot express; the message names the fields.</summary>
    public static void Validate(ParameterGrid grid, int poolGood)
    {
        double h0 = grid.CellValue(0, EpisodeSlots), audits0 = grid.CellValue(0, AuthAuditPerEpisode), mode0 = grid.CellValue(0, AuthMode);
        for (int cell = 0; cell < grid.Cells; cell++)
        {
            double V(int i) => grid.CellValue(cell, i);
            string at = grid.Cells > 1 ? $" (at {grid.CellLabel(cell)})" : "";
            if (V(SpeedLoMps) > V(SpeedHiMps))
                throw new ParameterException($"speed_lo_mps: {V(SpeedLoMps)} must be <= speed_hi_mps = {V(SpeedHiMps)}{at}");
            if (V(UsersPerServer) * V(Servers) > poolGood)
                throw new ParameterException($"users_per_server: {V(UsersPerServer)} x servers = {V(Servers)} users exceed the {poolGood} good credentials (users of one env never share an identity); allowed: users_per_server·servers <= {poolGood}{at}");
            if (V(EpisodeSlots) != h0)
                throw new ParameterException($"episode_slots: all envs of a batch reset together (the host join pass); got {h0} and {V(EpisodeSlots)}; allowed: one value per batch");
            if (V(AuthAuditPerEpisode) != audits0 || V(AuthMode) != mode0)
                throw new ParameterException("auth_mode, auth_audit_per_episode: run-wide settings of the host join pass; allowed: one value per batch");
        }
        if ((int)mode0 == AuthModeLive)
        {
            long slots = (long)grid.NumEnvs * (long)grid.Max("users_per_server") * (long)grid.Max("servers");
            if (slots > MaxLiveUserSlots)
                throw new ParameterException($"auth_mode: live needs E·U_max <= {MaxLiveUserSlots}; got {slots}; use auth_mode=cached or fewer envs");
        }
    }
}
