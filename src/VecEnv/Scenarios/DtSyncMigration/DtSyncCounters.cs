using GpuTwin.VecEnv.Metrics;

namespace GpuTwin.VecEnv.Scenarios.DtSyncMigration;

/// <summary>Raw per-step counters of dt-sync and the metrics of spec §7 derived from them.</summary>
public static class DtSyncCounters
{
    public const int EnergyJ = 0, MuSlots = 1, Requests = 2, Failures = 3, FailuresBlocked = 4, FailuresDeadline = 5,
        Successes = 6, DelaySuccessS = 7, Migrations = 8, MuFrames = 9, BlockedMus = 10, Transmitters = 11,
        TxPowerW = 12, SinrDb = 13, RateBps = 14, Forwarded = 15, VQueueSum = 16, VQueueMax = 17, TwinAgeSlots = 18,
        RewardGlobal = 19, RewardCenter = 20, EnvSteps = 21, Episodes = 22;

    public static CounterSet Set { get; } = new(
        [
            new("energy_j", "J"), new("mu_slots", "MU-slots"), new("requests", "1"), new("failures", "1"),
            new("failures_blocked", "1"), new("failures_deadline", "1"), new("successes", "1"), new("delay_success_s", "s"),
            new("migrations", "1"), new("mu_frames", "MU-frames"), new("blocked_mus", "MU-slots"), new("transmitters", "1"),
            new("tx_power_w", "W"), new("sinr_db", "dB"), new("rate_bps", "bit/s"), new("forwarded", "1"),
            new("vqueue_sum", "1"), new("vqueue_max", "1", Accumulate.Max), new("twin_age_slots", "slots"),
            new("reward_global", "1"), new("reward_center", "1"), new("env_steps", "1"), new("episodes_ended", "1"),
        ],
        [
            new("reward", "1", "mean global reward r_g per env-step (MU and BS agents)", RewardGlobal, EnvSteps, Headline: true),
            new("reward_center", "1", "mean control-center reward r_c per env-step", RewardCenter, EnvSteps),
            new("energy_mj", "mJ", "transmit energy per MU per slot (objective 14a)", EnergyJ, MuSlots, 1e3, Headline: true),
            new("energy_per_request_mj", "mJ", "transmit energy per request", EnergyJ, Requests, 1e3),
            new("failure_ratio", "1", "failed / requested synchronisations (Figs. 8, 12, 14)", Failures, Requests, Headline: true),
            new("failure_ratio_blocked", "1", "failures caused by migration blocking / requests", FailuresBlocked, Requests),
            new("failure_ratio_deadline", "1", "deadline misses / requests", FailuresDeadline, Requests),
            new("failure_rate_per_slot", "1", "failures per MU per slot (bounded by ε in 14b)", Failures, MuSlots),
            new("migrations_per_mu_frame", "1", "DT migrations per MU per frame", Migrations, MuFrames, Headline: true),
            new("migrations", "1", "DT migrations per env-step", Migrations, EnvSteps),
            new("blocked_fraction", "1", "share of MU-slots spent migrating", BlockedMus, MuSlots),
            new("mean_tx_power_w", "W", "mean radiated power over transmitters", TxPowerW, Transmitters),
            new("mean_sinr_db", "dB", "mean SINR over transmitters", SinrDb, Transmitters),
            new("mean_rate_mbps", "Mbit/s", "mean uplink rate over transmitters", RateBps, Transmitters, 1e-6),
            new("mean_delay_ms", "ms", "mean sync delay over successful requests", DelaySuccessS, Successes, 1e3),
            new("forwarded_fraction", "1", "requests forwarded over the wired backhaul (α ≠ β)", Forwarded, Requests),
            new("vqueue_mean", "1", "mean virtual queue Y", VQueueSum, MuSlots),
            new("vqueue_max", "1", "largest virtual queue Y seen", VQueueMax, -1),
            new("twin_age_slots", "slots", "mean twin age n − last successful sync", TwinAgeSlots, MuSlots),
        ]);
}
