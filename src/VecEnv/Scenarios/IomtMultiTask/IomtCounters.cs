using GpuTwin.VecEnv.Metrics;

namespace GpuTwin.VecEnv.Scenarios.IomtMultiTask;

/// <summary>Raw per-step counters of iomt and the metrics of spec §7 derived from them.</summary>
public static class IomtCounters
{
    public const int Tasks = 0, DelayS = 1, EnergyJ = 2, WeightSum = 3, WeightedDelayS = 4, Violations = 5, Offloaded = 6,
        TasksP1 = 7, TasksP2 = 8, TasksP3 = 9, DelayP1 = 10, DelayP2 = 11, DelayP3 = 12, RateBps = 13, SnrDb = 14,
        UserSteps = 15, EnergyLeftFrac = 16, EnergyUsedFracMax = 17, LocalCpuUtil = 18, ServerCpuUtil = 19,
        ServerBwUtil = 20, ServerSteps = 21, RewardSystem = 22, EnvSteps = 23, Episodes = 24, Terminations = 25,
        EpisodeLength = 26, EpisodeReturn = 27;

    public static CounterSet Set { get; } = new(
        [
            new("tasks", "1"), new("delay_s", "s"), new("energy_j", "J"), new("weight_sum", "1"), new("weighted_delay_s", "s"),
            new("violations", "1"), new("offloaded", "1"), new("tasks_p1", "1"), new("tasks_p2", "1"), new("tasks_p3plus", "1"),
            new("delay_p1_s", "s"), new("delay_p2_s", "s"), new("delay_p3plus_s", "s"), new("rate_bps", "bit/s"), new("snr_db", "dB"),
            new("user_steps", "1"), new("energy_left_frac", "1"), new("energy_used_frac_max", "1", Accumulate.Max),
            new("local_cpu_util", "1"), new("server_cpu_util", "1"), new("server_bw_util", "1"), new("server_steps", "1"),
            new("reward_system", "1"), new("env_steps", "1"), new("episodes_ended", "1"), new("terminations", "1"),
            new("episode_length", "steps"), new("episode_return", "1"),
        ],
        [
            new("reward", "1", "mean system reward r_t per env-step", RewardSystem, EnvSteps, Headline: true),
            new("delay_ms", "ms", "mean task delay T (the paper's average delay, Figs. 6, 8, 10, 12)", DelayS, Tasks, 1e3, Headline: true),
            new("energy_uj", "µJ", "mean task energy E (the paper's average energy, Figs. 7, 9, 11, 13)", EnergyJ, Tasks, 1e6, Headline: true),
            new("offload_fraction", "1", "share of tasks offloaded to a server", Offloaded, Tasks, Headline: true),
            new("depletion_rate", "1", "ended episodes that terminated by energy depletion", Terminations, Episodes, Headline: true),
            new("episode_length", "steps", "mean length of ended episodes", EpisodeLength, Episodes),
            new("episode_return", "1", "mean return Σ r_t of ended episodes", EpisodeReturn, Episodes),
            new("deadline_violation", "1", "share of tasks with T > T^max (C6)", Violations, Tasks),
            new("prio_weighted_delay_ms", "ms", "Σ w·T / Σ w", WeightedDelayS, WeightSum, 1e3),
            new("delay_p1_ms", "ms", "mean delay of priority-1 tasks", DelayP1, TasksP1, 1e3),
            new("delay_p2_ms", "ms", "mean delay of priority-2 tasks", DelayP2, TasksP2, 1e3),
            new("delay_p3_ms", "ms", "mean delay of priority >= 3 tasks", DelayP3, TasksP3, 1e3),
            new("delay_user_ms", "ms", "Σ_j T per user, mean over users", DelayS, UserSteps, 1e3),
            new("energy_user_uj", "µJ", "Σ_j E per user, mean over users", EnergyJ, UserSteps, 1e6),
            new("mean_rate_mbps", "Mbit/s", "mean uplink rate over offloaded tasks", RateBps, Offloaded, 1e-6),
            new("mean_snr_db", "dB", "mean SNR ρ/b at the granted bandwidth, over offloaded tasks", SnrDb, Offloaded),
            new("energy_left_frac", "1", "mean R_i/Cap_i after each step", EnergyLeftFrac, UserSteps),
            new("energy_used_frac_max", "1", "largest 1 − R_i/Cap_i seen", EnergyUsedFracMax, -1),
            new("local_cpu_util", "1", "Σ f / F_i over local tasks, mean over users", LocalCpuUtil, UserSteps),
            new("server_cpu_util", "1", "Σ f / F_k, mean over servers", ServerCpuUtil, ServerSteps),
            new("server_bw_util", "1", "Σ b / B_k, mean over servers", ServerBwUtil, ServerSteps),
            new("r_task_mean", "1", "mean reward per task", RewardSystem, Tasks),
            new("r_agent_mean", "1", "mean reward per agent and step", RewardSystem, UserSteps),
        ]);
}
