using GpuTwin.VecEnv.Parameters;

namespace GpuTwin.VecEnv.Scenarios.IomtMultiTask;

/// <summary>
/// Parameters of <c>iomt</c> (paper 004, Table II; spec §8). The index constants give each parameter's column
/// in the device block [E, Count]; <see cref="Table"/> lists them in the same order. "spec" marks the spec's
/// recommendations where the paper gives no value.
/// </summary>
public static class IomtParameters
{
    public const int Users = 0, Tasks = 1, Servers = 2, EpisodeSteps = 3, AreaM = 4, DMinBits = 5, DMaxBits = 6,
        CMinCycles = 7, CMaxCycles = 8, PriorityLevels = 9, PtxMinW = 10, PtxMaxW = 11, UserCpuHz = 12, ServerCpuHz = 13,
        ServerBwHz = 14, N0WPerHz = 15, PL0dB = 16, Eta = 17, D0m = 18, Sigma2 = 19, K0 = 20, TmaxS = 21, EmaxJ = 22,
        AlphaT = 23, AlphaE = 24, PrioC = 25, PrioAlpha = 26, PrioMu = 27, LambdaPen = 28, ShareFloor = 29, CapJ = 30,
        CapMaxJ = 31, DepletionPenalty = 32, TBigS = 33, LayoutKey = 34, ServerLayout = 35, FadingMode = 36,
        ShareMapping = 37, PathLossModel = 38, CostCap = 39, CostMax = 40, TerminalRule = 41, Loss = 42,
        ActorCritic = 43, AttnStopGrad = 44, ObsDistances = 45, ObsSpectralEff = 46, ObsPrevLoad = 47, ObsStepPhase = 48;

    // Choice levels (stored as their index).
    public const int LayoutKeyRun = 0, LayoutKeyEnv = 1;
    public const int ServerLayoutSymmetric = 0, ServerLayoutRandomFixed = 1;
    public const int FadingExpected = 0, FadingSampled = 1;
    public const int ShareScaleIfExceeds = 0, ShareNormalise = 1, SharePenalty = 2;
    public const int PathLossLogDistance = 0, PathLossPaperLiteral = 1;
    public const int CostCapOn = 0, CostCapOff = 1;
    public const int CostMaxConstant = 0, CostMaxPerUserMax = 1;
    public const int TerminalDepleted = 0, TerminalLookahead = 1;

    /// <summary>Bounds of the padded buffers.</summary>
    public const int MaxUsers = 64, MaxTasks = 32, MaxServers = 16;

    /// <summary>Observation normalisers (spec §5): fixed, so input scales do not follow a sweep.</summary>
    public const float DRef = 4e5f, CRef = 2e5f, PtxRef = 0.4f, UserCpuRef = 1e8f, ServerCpuRef = 1e9f, BwRef = 1e9f;

    public static ParameterTable Table { get; } = new(
    [
        new("users", 8, 1, MaxUsers, "users", "number of IoMT users (agents) N^u", ParameterKind.Integer, Source: "Sec. VI-B"),
        new("tasks", 8, 1, MaxTasks, "tasks", "tasks per user and step N^t", ParameterKind.Integer, Source: "Sec. VI-B"),
        new("servers", 4, 1, MaxServers, "servers", "number of MEC servers N^m", ParameterKind.Integer, Source: "Sec. VI"),
        new("episode_steps", 50, 1, 100000, "steps", "steps per episode T_ep (truncation)", ParameterKind.Integer, Source: "spec §2"),
        new("area_m", 500, 1, 1e6, "m", "side W of the square area", Source: "spec §2"),
        new("d_min_bits", 1.6e5, 1, 1e10, "bit", "smallest task size D (20 KB)", Source: "Table II"),
        new("d_max_bits", 4.0e5, 1, 1e10, "bit", "largest task size D (50 KB)", Source: "Table II"),
        new("c_min_cycles", 1e5, 1, 1e13, "cycles", "smallest task workload C", Source: "Table II"),
        new("c_max_cycles", 2e5, 1, 1e13, "cycles", "largest task workload C", Source: "Table II"),
        new("priority_levels", 3, 1, 16, "levels", "priority classes L_P; P ~ U{1..L_P}", ParameterKind.Integer, Source: "spec §3"),
        new("ptx_min_w", 0.2, 1e-6, 100, "W", "lower end of the transmit power draw P^tr", Source: "Table II"),
        new("ptx_max_w", 0.4, 1e-6, 100, "W", "upper end of the transmit power draw P^tr", Source: "Table II"),
        new("user_cpu_hz", 1e8, 1, 1e13, "cycles/s", "user CPU F_i", Source: "Table II"),
        new("server_cpu_hz", 1e9, 1, 1e14, "cycles/s", "server CPU budget F_k", Source: "Table II"),
        new("server_bw_hz", 1e9, 1, 1e12, "Hz", "server bandwidth budget B_k", Source: "Table II, spec §12.8"),
        new("n0_w_per_hz", 4e-21, 1e-30, 1e-6, "W/Hz", "noise PSD N0 (the paper's \"4^-21 W\")", Source: "spec §12.7"),
        new("pl0_db", 40, 0, 200, "dB", "path loss PL0 at the reference distance d0", Source: "spec §8"),
        new("eta", 3, 1, 8, "1", "path-loss exponent η", Source: "spec §8"),
        new("d0_m", 1, 1e-3, 1000, "m", "reference distance d0 (also the distance floor)", Source: "spec §2"),
        new("sigma2", 1, 1e-6, 1e6, "1", "Rayleigh mean power σ²", Source: "spec §3"),
        new("k0", 1e-27, 0, 1e-20, "J·s²/cycle³", "effective switched capacitance k0", Source: "spec §8"),
        new("t_max_s", 0.02, 1e-9, 1e6, "s", "delay normaliser T^max = 1/γ^t (deadline of C6)", Source: "spec §7"),
        new("e_max_j", 1e-3, 1e-15, 1e6, "J", "energy normaliser E^max = 1/γ^e", Source: "spec §7"),
        new("alpha_t", 0.5, 0, 100, "1", "delay weight α^T", Source: "spec §7"),
        new("alpha_e", 0.5, 0, 100, "1", "energy weight α^E", Source: "spec §7"),
        new("prio_c", 1, 0, 1e6, "1", "priority weight scale c in w = c·exp(α(P − μ))", Source: "spec §7"),
        new("prio_alpha", 0.5, -10, 10, "1", "priority weight exponent α", Source: "spec §7"),
        new("prio_mu", 2, -100, 100, "1", "priority weight centre μ", Source: "spec §7"),
        new("lambda_pen", 1, 0, 1e6, "1", "over-subscription penalty λ_pen (share_mapping=penalty)", Source: "spec §5"),
        new("share_floor", 0.01, 1e-6, 1, "1", "share floor x_min", Source: "spec §5"),
        new("cap_j", 0.1, 1e-12, 1e9, "J", "energy capacity Cap_i per episode", Source: "spec §3, §8"),
        new("cap_max_j", 0, 0, 1e9, "J", "if > cap_j, Cap_i ~ U[cap_j, cap_max_j] per user (drawn with the layout); 0 = constant", Source: "spec §3"),
        new("depletion_penalty", 0, 0, 1e6, "1", "subtracted from r_t and the depleted agent's r_i at depletion", Source: "spec §6 S9"),
        new("t_big_s", 1e9, 1, 1e30, "s", "finite sentinel for an impossible delay", Source: "spec §6 S6"),
        ParameterDef.Choice("layout_key", LayoutKeyRun, ["run", "env"], "user layout: one per (seed, config) shared by all envs, or one per env", "spec §2"),
        ParameterDef.Choice("server_layout", ServerLayoutSymmetric, ["symmetric", "random-fixed"], "server positions: the spec's table, or uniform from the seed", "spec §2"),
        ParameterDef.Choice("fading", FadingExpected, ["expected", "sampled"], "uplink rate: closed-form expectation (eq. 6) or one Rayleigh draw per link and step", "spec §3"),
        ParameterDef.Choice("share_mapping", ShareScaleIfExceeds, ["scale-if-exceeds", "normalise", "penalty"], "pool arbitration of the CPU/bandwidth shares", "spec §5, §12.2"),
        ParameterDef.Choice("path_loss", PathLossLogDistance, ["log-distance", "paper-literal"], "PL in dB as 10^(-PL/10), or eq. 4 as printed (|g|² = |h|²/PL_dB²)", "spec §12.6"),
        ParameterDef.Choice("cost_cap", CostCapOn, ["on", "off"], "cap the normalised delay and energy at 1 in the cost", "spec §7, §12.22"),
        ParameterDef.Choice("cost_max", CostMaxConstant, ["constant", "per-user-max"], "cost^max = α^T + α^E, or the literal max over the user's weighted task costs", "spec §7, §12.4"),
        ParameterDef.Choice("terminal_rule", TerminalDepleted, ["depleted", "lookahead"], "terminate when R_i <= 0, or also when R_i cannot process the next tasks at x_min", "spec §6 S9"),
        ParameterDef.Choice("loss", 0, ["huber", "mse"], "learner option: TD loss (no effect on the env)", "spec §10"),
        ParameterDef.Choice("actor_critic", 0, ["online", "target"], "learner option: actor losses use the online or (literal) target critic (no effect on the env)", "spec §12.14"),
        ParameterDef.Choice("attn_stop_grad", 0, ["on", "off"], "learner option: stop-gradient on Q in the SAE attention (no effect on the env)", "spec §10"),
        ParameterDef.Choice("obs_distances", 0, ["off", "on"], "ObsExtras.Distances: d_{i,k}/W per server after the device block (not in ô)", "spec §5"),
        ParameterDef.Choice("obs_spectral_eff", 0, ["off", "on"], "ObsExtras.SpectralEff: log2(1 + ρ/(B_k/8)) per server", "spec §5"),
        ParameterDef.Choice("obs_prev_load", 0, ["off", "on"], "ObsExtras.PrevServerLoad: last step's load, CPU and bandwidth demand /(N^u·N^t) per server", "spec §5"),
        ParameterDef.Choice("obs_step_phase", 0, ["off", "on"], "ObsExtras.StepPhase: t/T_ep", "spec §5"),
    ]);

    /// <summary>Cross-field checks the per-field ranges cannot express; the message names the fields.</summary>
    public static void Validate(ParameterGrid grid)
    {
        for (int cell = 0; cell < grid.Cells; cell++)
        {
            double V(int i) => grid.CellValue(cell, i);
            string at = grid.Cells > 1 ? $" (at {grid.CellLabel(cell)})" : "";
            if (V(DMinBits) > V(DMaxBits))
                throw new ParameterException($"d_min_bits: {V(DMinBits)} must be <= d_max_bits = {V(DMaxBits)}{at}");
            if (V(CMinCycles) > V(CMaxCycles))
                throw new ParameterException($"c_min_cycles: {V(CMinCycles)} must be <= c_max_cycles = {V(CMaxCycles)}{at}");
            if (V(PtxMinW) > V(PtxMaxW))
                throw new ParameterException($"ptx_min_w: {V(PtxMinW)} must be <= ptx_max_w = {V(PtxMaxW)}{at}");
            if (V(CapMaxJ) > 0 && V(CapMaxJ) < V(CapJ))
                throw new ParameterException($"cap_max_j: {V(CapMaxJ)} must be 0 (constant capacity) or >= cap_j = {V(CapJ)}{at}");
        }
    }
}
