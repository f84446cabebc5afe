using GpuTwin.VecEnv.Parameters;

namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec;

/// <summary>
/// Parameters of <c>collab-mec</c> (paper 002, Sec. V; spec §8). The index constants give each parameter's
/// column in the device block [E, Count]; <see cref="Table"/> lists them in the same order. Per-BS values
/// are one key per BS (<c>_bs1</c> … <c>_bs4</c>, BS-1 is i = 0). "spec" marks the spec's recommendations
/// where the paper gives no value.
/// </summary>
public static class CollabMecParameters
{
    /// <summary>Bounds of the padded buffers: N_max and the largest U_i.</summary>
    public const int MaxBs = 4, MaxDevicesPerBs = 1024;

    public const int BsCount = 0, DevicesBs1 = 1, CpuHzKey = 5, WiredBpsKey = 6, WiredTopology = 7, BandwidthHzKey = 8,
        NoisePsdKey = 9, GainMeanKey = 10, GainScaleKey = 11, HarvestScaleKey = 12, SizeScaleKey = 13, DeadlineScaleKey = 14,
        AwardScaleBs1 = 15, DensityScaleBs1 = 19, DensityScaleOthers = 23, PLo = 24, PHi = 25, SizeMinBits = 26,
        SizeMaxBits = 27, DensityMin = 28, DensityMax = 29, DeadlineMinS = 30, DeadlineMaxS = 31, AwardMin = 32, AwardMax = 33,
        HarvestMinJ = 34, HarvestMaxJ = 35, BatteryInitMaxJ = 36, BatteryCapJ = 37, EpisodeSlots = 38, SlotS = 39,
        HarvestAsPower = 40, PowerPerSlot = 41, WiredSharing = 42, ObsTxPower = 43, ObsExtras = 44, AgentIdInObs = 45,
        RewardSplit = 46, View = 47, CpuModeKey = 48, CpuDropRuleKey = 49;

    // Choice levels (stored as their index).
    public const int TopologyFullMesh = 0, TopologyStar = 1, TopologyNone = 2;
    public const int WiredSharingNone = 0, WiredSharingEqual = 1;
    public const int RewardShared = 0, RewardHomeIncome = 1;
    public const int ViewCentral = 0, ViewPerBs = 1;
    public const int Off = 0, On = 1;

    /// <summary>The "infinite" battery cap and the largest allowed F (decoder sentinels, spec §6).</summary>
    public const double Infinite = 1e30;

    /// <summary>Default devices per BS (paper: 30, 55, 80; BS-4 exists only when swept in).</summary>
    public static readonly int[] DefaultDevices = [30, 55, 80, 0];

    public static ParameterTable Table { get; } = new(
    [
        new("bs_count", 3, 1, MaxBs, "BSs", "number of base stations N", ParameterKind.Integer, Source: "Sec. V"),
        new("devices_bs1", DefaultDevices[0], 0, MaxDevicesPerBs, "devices", "IoT devices U_1 of BS-1", ParameterKind.Integer, Source: "Sec. V"),
        new("devices_bs2", DefaultDevices[1], 0, MaxDevicesPerBs, "devices", "IoT devices U_2 of BS-2", ParameterKind.Integer, Source: "Sec. V"),
        new("devices_bs3", DefaultDevices[2], 0, MaxDevicesPerBs, "devices", "IoT devices U_3 of BS-3", ParameterKind.Integer, Source: "Sec. V"),
        new("devices_bs4", DefaultDevices[3], 0, MaxDevicesPerBs, "devices", "IoT devices U_4 of BS-4 (only with bs_count = 4)", ParameterKind.Integer, Source: "spec §2"),
        new("cpu_hz", 0.6e9, 0, 9.99e29, "cycles/s", "MEC CPU F_i of every BS (calibrated 0.6 GHz; the paper's 5 GHz in profile paper-literal; Fig. 6b axis)", Source: "spec §12.1"),
        new("wired_bps", 1e8, 0, 1e15, "bit/s", "wired rate C_{i,b} of every link (0 = no link)", Source: "Sec. V"),
        ParameterDef.Choice("wired_topology", TopologyFullMesh, ["full-mesh", "star", "none"], "wired links: every ordered pair, only to and from BS-1, or none (no peer offloading)", "spec §12.12"),
        new("bandwidth_hz", 1e6, 1, 1e12, "Hz", "uplink band B per cell (cells orthogonal; Fig. 6d axis)", Source: "Sec. V"),
        new("noise_psd", 1e-8, 1e-30, 1, "W/Hz", "noise PSD N0", Source: "Sec. V"),
        new("gain_mean", 0.1, 1e-12, 1e6, "1", "mean normalised channel gain h̄", Source: "spec §12.2"),
        new("gain_scale", 1, 0, 1e6, "1", "channel scale σ (Fig. 5a axis)", Source: "Sec. V-A"),
        new("harvest_scale", 1, 0, 1e6, "1", "harvest scale ρ (Fig. 5b axis)", Source: "Sec. V-A"),
        new("size_scale", 1, 1e-6, 1e6, "1", "task size scale χ (Fig. 6a axis)", Source: "Sec. V-B"),
        new("deadline_scale", 1, 1e-6, 10, "1", "deadline scale ψ: δ ~ U[0.2ψ, 2] s; needs 0.2ψ < 2 (Fig. 6c axis)", Source: "Sec. V-B"),
        new("award_scale_bs1", 1, 1e-6, 1e6, "1", "award scale ξ_1 of BS-1's devices (Fig. 4a axis)", Source: "Sec. V-A"),
        new("award_scale_bs2", 1, 1e-6, 1e6, "1", "award scale ξ_2 of BS-2's devices", Source: "Sec. V-A"),
        new("award_scale_bs3", 1, 1e-6, 1e6, "1", "award scale ξ_3 of BS-3's devices", Source: "Sec. V-A"),
        new("award_scale_bs4", 1, 1e-6, 1e6, "1", "award scale ξ_4 of BS-4's devices", Source: "spec §2"),
        new("density_scale_bs1", 1, 1e-6, 1e6, "1", "processing-density scale ζ_1 of BS-1's devices", Source: "Sec. V-A"),
        new("density_scale_bs2", 1, 1e-6, 1e6, "1", "processing-density scale ζ_2 of BS-2's devices", Source: "Sec. V-A"),
        new("density_scale_bs3", 1, 1e-6, 1e6, "1", "processing-density scale ζ_3 of BS-3's devices", Source: "Sec. V-A"),
        new("density_scale_bs4", 1, 1e-6, 1e6, "1", "processing-density scale ζ_4 of BS-4's devices", Source: "spec §2"),
        new("density_scale_others", 1, 1e-6, 1e6, "1", "extra density scale of every BS but BS-1 (ζ_2 = ζ_3 = ζ: the Fig. 4b axis as one key)", Source: "Sec. V-A"),
        new("p_lo", 0.05, 1e-9, 1e3, "W", "lower end of the transmit power draw p", Source: "Sec. V"),
        new("p_hi", 0.18, 1e-9, 1e3, "W", "upper end of the transmit power draw p", Source: "Sec. V"),
        new("size_min_bits", 5e4, 1, 1e12, "bit", "smallest task size z (before χ)", Source: "Sec. V"),
        new("size_max_bits", 8e4, 1, 1e12, "bit", "largest task size z (before χ)", Source: "Sec. V"),
        new("density_min", 3000, 1e-3, 1e9, "cycles/bit", "smallest processing density v (before ζ)", Source: "Sec. V"),
        new("density_max", 8000, 1e-3, 1e9, "cycles/bit", "largest processing density v (before ζ)", Source: "Sec. V"),
        new("deadline_min_s", 0.2, 0, 1e6, "s", "smallest deadline δ before ψ (δ_lo = ψ·deadline_min_s)", Source: "Sec. V"),
        new("deadline_max_s", 2.0, 1e-6, 1e6, "s", "largest deadline δ", Source: "Sec. V"),
        new("award_min", 1, 0, 1e9, "1", "smallest award g (before ξ)", Source: "Sec. V"),
        new("award_max", 3, 0, 1e9, "1", "largest award g (before ξ)", Source: "Sec. V"),
        new("harvest_min_j", 1e-3, 0, 1e6, "J", "smallest harvest e per slot (before ρ; W with harvest_as_power)", Source: "spec §12.3"),
        new("harvest_max_j", 1.5e-3, 0, 1e6, "J", "largest harvest e per slot (before ρ; W with harvest_as_power)", Source: "spec §12.3"),
        new("battery_init_max_j", 0.02, 0, 1e6, "J", "Q0_max: initial battery Q^E(0) ~ U[0, Q0_max]", Source: "spec §3"),
        new("battery_cap_j", Infinite, 1e-12, Infinite, "J", "BatteryCap (1e30 = none, as in the paper)", Source: "spec §6 S8"),
        new("episode_slots", 200, 0, 1e9, "slots", "T_ep: truncation after this many slots; 0 = one continuing run", ParameterKind.Integer, Source: "spec §2"),
        new("slot_s", 2, 1e-6, 1e6, "s", "slot length τ_slot (nominal; used only by harvest_as_power)", Source: "spec §2"),
        ParameterDef.Choice("harvest_as_power", Off, ["off", "on"], "HarvestAsPower: read the harvest range as W and harvest e·τ_slot J per slot", "spec §12.3"),
        ParameterDef.Choice("power_per_slot", Off, ["off", "on"], "PowerPerSlot: redraw p every slot instead of once per episode", "spec §12.5"),
        ParameterDef.Choice("wired_sharing", WiredSharingNone, ["none", "equal"], "WiredSharing: every task sees the full C, or C split equally among the tasks on an ordered link", "spec §12.12"),
        ParameterDef.Choice("obs_tx_power", On, ["off", "on"], "ObsTxPower: feature 7 (p/0.18) of each device slot; 0 when off", "spec §5.1"),
        ParameterDef.Choice("obs_extras", Off, ["off", "on"], "ObsExtras: 4 more features per device slot (harvest, E0/Q, slack, static priority)", "spec §5.1"),
        ParameterDef.Choice("agent_id_in_obs", Off, ["off", "on"], "AgentIdInObs: append one-hot(i) to each per-bs observation", "spec §5.2"),
        ParameterDef.Choice("reward_split", RewardShared, ["shared", "home-income"], "RewardSplit: per-BS agent reward = global income, or the income of the BS's own devices", "spec §5.2"),
        ParameterDef.Choice("view", ViewCentral, ["central", "per-bs"], "agents: one centralised agent (the paper's INTO) or one agent per BS (MA-INTO)", "spec §5"),
        ParameterDef.Choice("cpu_mode", 0, ["demand-based", "actor-literal"], "CpuMode of Algorithm 1: f = l + share of the spare, or the literal f = ŵ·F_b", "spec §6 D5, §12.6"),
        ParameterDef.Choice("cpu_drop_rule", 0, ["prefix", "greedy-fill"], "CpuDropRule of D4: the paper's longest fitting prefix, or skip-and-continue", "spec §6 D4, §13.7"),
    ]);

    public static int DevicesKey(int bs) => DevicesBs1 + bs;
    public static int AwardScaleKey(int bs) => AwardScaleBs1 + bs;
    public static int DensityScaleKey(int bs) => DensityScaleBs1 + bs;

    /// <summary>Keys that change buffer shapes: one value per batch.</summary>
    private static readonly int[] ShapeKeys = [View, ObsExtras, AgentIdInObs];

    /// <summary>Cross-field checks (spec §8 "Validation") the per-field ranges cannot express; the message names the fields.</summary>
    public static void Validate(ParameterGrid grid)
    {
        for (int cell = 0; cell < grid.Cells; cell++)
        {
            double V(int i) => grid.CellValue(cell, i);
            string at = grid.Cells > 1 ? $" (at {grid.CellLabel(cell)})" : "";
            int n = (int)V(BsCount);
            for (int b = n; b < MaxBs; b++)
                if (V(DevicesKey(b)) != 0)
                    throw new ParameterException($"devices_bs{b + 1}: {V(DevicesKey(b))} must be 0 when bs_count = {n} (BS-{b + 1} is inactive){at}");
            if (V(PLo) > V(PHi))
                throw new ParameterException($"p_lo: {V(PLo)} must be <= p_hi = {V(PHi)}{at}");
            if (V(SizeMinBits) > V(SizeMaxBits))
                throw new ParameterException($"size_min_bits: {V(SizeMinBits)} must be <= size_max_bits = {V(SizeMaxBits)}{at}");
            if (V(DensityMin) > V(DensityMax))
                throw new ParameterException($"density_min: {V(DensityMin)} must be <= density_max = {V(DensityMax)}{at}");
            if (V(AwardMin) > V(AwardMax))
                throw new ParameterException($"award_min: {V(AwardMin)} must be <= award_max = {V(AwardMax)}{at}");
            if (V(HarvestMinJ) > V(HarvestMaxJ))
                throw new ParameterException($"harvest_min_j: {V(HarvestMinJ)} must be <= harvest_max_j = {V(HarvestMaxJ)}{at}");
            double lo = V(DeadlineScaleKey) * V(DeadlineMinS);
            if (lo >= V(DeadlineMaxS))
                throw new ParameterException($"deadline_scale: ψ = {V(DeadlineScaleKey)} gives δ_lo = ψ·deadline_min_s = {lo} s, which must be < deadline_max_s = {V(DeadlineMaxS)} s (ψ < {V(DeadlineMaxS) / Math.Max(V(DeadlineMinS), 1e-30):G4}){at}");
        }
        foreach (int k in ShapeKeys)
        {
            var def = Table.Defs[k];
            for (int cell = 1; cell < grid.Cells; cell++)
                if (grid.CellValue(cell, k) != grid.CellValue(0, k))
                    throw new ParameterException($"{def.Key}: changes the observation or agent shapes, so it cannot be swept; set one value ({def.AllowedRange})");
        }
    }
}
