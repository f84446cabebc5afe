using GpuTwin.VecEnv.Metrics;

namespace GpuTwin.VecEnv.Scenarios.V2xOffloading;

/// <summary>Raw per-step counters of v2x and the metrics of spec §7 derived from them (ratios of sums).</summary>
public static class V2xCounters
{
    public const int CostSum = 0, TCostS = 1, ECostJ = 2, Vehicles = 3, Failures = 4, Local = 5, Direct = 6, Relay = 7,
        NoCoverage = 8, Offloaders = 9, RateBps = 10, TxPowerW = 11, CpuUtil = 12, BwUtil = 13, EsSlots = 14,
        Reward = 15, RewardNorm = 16, EnvSteps = 17, Episodes = 18, FirstCost = 19, LastCost = 20;

    public static CounterSet Set { get; } = new(
        [
            new("cost_sum", "cost"), new("t_cost_s", "s"), new("e_cost_j", "J"), new("vehicle_slots", "1"),
            new("failures", "1"), new("local", "1"), new("direct", "1"), new("relay", "1"), new("no_coverage", "1"),
            new("offloaders", "1"), new("rate_bps", "bit/s"), new("tx_power_w", "W"), new("cpu_util", "1"),
            new("bw_util", "1"), new("es_slots", "1"), new("reward", "cost"), new("reward_norm", "1"),
            new("env_steps", "1"), new("episodes_ended", "1"), new("cost_first", "cost"), new("cost_last", "cost"),
        ],
        [
            new("cost_mean", "cost", "mean cost c_i = w·T̃ + (1−w)·E per task (average system cost)", CostSum, Vehicles, Headline: true),
            new("t_cost_ms", "ms", "T-cost: mean charged delay T̃ per task (Figs. 8a, 9a)", TCostS, Vehicles, 1e3, Headline: true),
            new("e_cost_mj", "mJ", "E-cost: mean energy per task (Figs. 8a, 9a)", ECostJ, Vehicles, 1e3, Headline: true),
            new("reward", "cost", "system reward R(t) = −mean cost, per env-step", Reward, EnvSteps),
            new("reward_norm", "1", "R_norm = 1 − mean cost / c_ref (ALCS ≈ 0)", RewardNorm, EnvSteps, Headline: true),
            new("fail_ratio", "1", "tasks missing the deadline τ / tasks", Failures, Vehicles, Headline: true),
            new("frac_local", "1", "tasks computed locally (incl. no coverage)", Local, Vehicles, Headline: true),
            new("frac_direct", "1", "tasks uploaded straight to their target ES", Direct, Vehicles),
            new("frac_relay", "1", "tasks relayed over the wire to a remote ES", Relay, Vehicles),
            new("frac_nocov", "1", "offloads requested without coverage (forced local)", NoCoverage, Vehicles),
            new("mean_rate_mbps", "Mbit/s", "mean uplink rate over offloaders", RateBps, Offloaders, 1e-6),
            new("mean_tx_power_w", "W", "mean transmit power over offloaders", TxPowerW, Offloaders),
            new("cpu_util", "1", "mean over ESs of 1 − F_rem/F^max after the last vehicle", CpuUtil, EsSlots),
            new("bw_util", "1", "mean over ESs of 1 − B_rem/B^max after the last vehicle", BwUtil, EsSlots),
            new("cost_first", "cost", "mean cost of the first vehicle in ID order (fairness of sequential access)", FirstCost, EnvSteps),
            new("cost_last", "cost", "mean cost of the last vehicle in ID order", LastCost, EnvSteps),
        ]);
}
