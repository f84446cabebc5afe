using GpuTwin.VecEnv.Metrics;
using static GpuTwin.VecEnv.Scenarios.CollaborativeMec.CollabMecParameters;

namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec;

/// <summary>
/// Raw per-slot counters of collab-mec and the spec §7 metrics derived from them. Per-BS counters come in
/// blocks of <see cref="CollabMecParameters.MaxBs"/> (BS-1 first); BSs beyond N stay 0. Means over slots are
/// ratios of sums, so they are exact over any grouping of envs and steps.
/// </summary>
public static class CollabMecCounters
{
    public const int Income = 0, OffloadingBs1 = 1, ProcessedBs1 = OffloadingBs1 + MaxBs, CpuDemandUtilBs1 = ProcessedBs1 + MaxBs,
        PeerOffloaded = CpuDemandUtilBs1 + MaxBs, Offloaded = PeerOffloaded + 1, Completed = Offloaded + 1, NnOffloads = Completed + 1,
        EnergyDrops = NnOffloads + 1, CpuDrops = EnergyDrops + 1, InfeasibleDrops = CpuDrops + 1, UploadEnergyJ = InfeasibleDrops + 1,
        HarvestJ = UploadEnergyJ + 1, BatterySumJ = HarvestJ + 1, BatteryMinJ = BatterySumJ + 1, ActiveDevices = BatteryMinJ + 1,
        SinrDbSum = ActiveDevices + 1, RateBpsSum = SinrDbSum + 1, DelaySSum = RateBpsSum + 1, Slots = DelaySSum + 1,
        Episodes = Slots + 1, EpisodeIncome = Episodes + 1, EpisodeSlots = EpisodeIncome + 1;

    private static IEnumerable<CounterDef> PerBs(string name, string unit) =>
        Enumerable.Range(1, MaxBs).Select(b => new CounterDef($"{name}_bs{b}", unit));

    private static IEnumerable<MetricDef> PerBsMetric(string name, string unit, string what, int first, bool headline) =>
        Enumerable.Range(0, MaxBs).Select(b => new MetricDef($"{name}_bs{b + 1}", unit, $"{what} of BS-{b + 1}, per slot", first + b, Slots,
            Headline: headline && b < 3));

    public static CounterSet Set { get; } = new(
        [
            new("income", "1"),
            .. PerBs("offloading", "devices"), .. PerBs("processed", "tasks"), .. PerBs("cpu_demand_util", "1"),
            new("peer_offloaded", "tasks"), new("offloaded", "tasks"), new("completed", "tasks"), new("nn_offloads", "tasks"),
            new("energy_drops", "tasks"), new("cpu_drops", "tasks"), new("infeasible_drops", "tasks"), new("upload_energy_j", "J"),
            new("harvest_j", "J"), new("battery_sum_j", "J"), new("battery_min_j", "J"), new("active_devices", "devices"),
            new("sinr_db_sum", "dB"), new("rate_bps_sum", "bit/s"), new("delay_s_sum", "s"), new("slots", "slots"),
            new("episodes_ended", "1"), new("episode_income", "1"), new("episode_slots", "slots"),
        ],
        [
            new("income", "1", "income r(t) per slot: awards of tasks finished in time (eq. 11; Figs. 3, 6)", Income, Slots, Headline: true),
            .. PerBsMetric("offloading", "devices", "devices whose task is offloaded after refinement, by home BS (Figs. 4, 5)", OffloadingBs1, true),
            new("peer_offloaded", "tasks", "kept tasks processed away from their home BS, per slot", PeerOffloaded, Slots, Headline: true),
            new("completion_ratio", "1", "completed / offloaded tasks (1 in DemandBased)", Completed, Offloaded, Headline: true),
            new("upload_energy_mj", "mJ", "Σ x·p·d_w per slot", UploadEnergyJ, Slots, 1e3, Headline: true),
            new("battery_mean_mj", "mJ", "battery Q^E after the slot, mean over active devices", BatterySumJ, ActiveDevices, 1e3, Headline: true),
            .. PerBsMetric("processed", "tasks", "kept tasks processed", ProcessedBs1, false),
            .. PerBsMetric("cpu_demand_util", "1", "Σ l / F", CpuDemandUtilBs1, false),
            new("offloaded", "tasks", "kept (offloaded) tasks per slot", Offloaded, Slots),
            new("completed", "tasks", "tasks finished within their deadline per slot", Completed, Slots),
            new("peer_share", "1", "share of kept tasks processed away from home", PeerOffloaded, Offloaded),
            new("nn_offloads", "tasks", "decoder: offloads after D1 (nearest valid action), per slot", NnOffloads, Slots),
            new("energy_drops", "tasks", "decoder: dropped by the energy test D2, per slot", EnergyDrops, Slots),
            new("cpu_drops", "tasks", "decoder: dropped by the CPU budget D4, per slot", CpuDrops, Slots),
            new("infeasible_drops", "tasks", "decoder: tasks that cannot meet their deadline (l = L_INF), per slot", InfeasibleDrops, Slots),
            new("harvest_mj", "mJ", "Σ e per slot", HarvestJ, Slots, 1e3),
            new("battery_min_mj", "mJ", "smallest battery after the slot, mean over slots", BatteryMinJ, Slots, 1e3),
            new("mean_sinr_db", "dB", "uplink SINR of offloaded devices (R2)", SinrDbSum, Offloaded),
            new("mean_rate_bps", "bit/s", "uplink rate of offloaded devices (R2)", RateBpsSum, Offloaded),
            new("mean_delay_s", "s", "delay d of completed tasks", DelaySSum, Completed),
            new("episode_income", "1", "average income per slot of the episodes that ended", EpisodeIncome, EpisodeSlots),
            new("episodes", "1", "episodes that ended (truncated)", Episodes, -1),
        ]);
}
