using GpuTwin.VecEnv.Parameters;

namespace GpuTwin.VecEnv.Scenarios.DtSyncMigration;

/// <summary>
/// Parameters of <c>dt-sync</c> (paper 003, Table I; spec §8). The index constants give each parameter's
/// column in the device block [E, Count]; <see cref="Table"/> lists them in the same order.
/// Values marked "spec" are the spec's recommendations where the paper gives none.
/// </summary>
public static class DtSyncParameters
{
    public const int K = 0, M = 1, SlotsPerFrame = 2, FramesPerEpisode = 3, SlotS = 4, AreaM = 5,
        BandwidthHz = 6, NoiseW = 7, Rho0 = 8, Kappa = 9, Phi = 10, MinDistanceM = 11, PmaxW = 12,
        WiredBps = 13, FmaxHz = 14, Lambda = 15, DminBits = 16, DmaxBits = 17, CminCyclesPerBit = 18,
        CmaxCyclesPerBit = 19, DeadlineS = 20, MigSlots = 21, Eta = 22, Epsilon = 23, Nu = 24, TCapS = 25,
        TBigS = 26, SpeedMinMps = 27, SpeedMaxMps = 28, Mu1 = 29, Mu2 = 30, SpeedNoiseStdMps = 31,
        HeadingNoiseStdRad = 32, SpeedNoiseMeanMps = 33, HeadingNoiseMeanRad = 34, Association = 35,
        Interference = 36, ShareMapping = 37, EnergyCap = 38, EnergyWeight = 39, BlockedTransmit = 40,
        Border = 41, BsLayout = 42, MigDuration = 43, DtSizeBits = 44, DeadlineMaxS = 45;

    // Choice levels (stored as their index).
    public const int AssociationLearned = 0, AssociationNearest = 1;
    public const int InterferencePhysical = 0, InterferencePaperLiteral = 1;
    public const int ShareProportional = 0, ShareScaleIfExceeds = 1;
    public const int EnergyCapSlot = 0, EnergyCapNone = 1;
    public const int EnergyWeightPerMu = 0, EnergyWeightPaperLiteral = 1, EnergyWeightRaw = 2;
    public const int LayoutSymmetric = 0, LayoutRandomFixed = 1;
    public const int MigDurationFixed = 0, MigDurationDerived = 1;

    /// <summary>Most MUs and BSs one env may hold (bounds of the padded buffers).</summary>
    public const int MaxMus = 256, MaxBss = 64;

    public static ParameterTable Table { get; } = new(
    [
        new("K", 30, 1, MaxMus, "MUs", "number of mobile users K", ParameterKind.Integer, Source: "Table I"),
        new("M", 5, 1, MaxBss, "BSs", "number of base stations / MEC servers M", ParameterKind.Integer, Source: "Table I"),
        new("T", 100, 1, 100000, "slots", "slots per frame T (DT placement period)", ParameterKind.Integer, Source: "Table I"),
        new("Q", 50, 1, 100000, "frames", "frames per episode Q", ParameterKind.Integer, Source: "Table I"),
        new("slot_s", 0.05, 1e-4, 10, "s", "slot length δt (= channel coherence time)", Source: "Table I"),
        new("area_m", 1000, 10, 1e6, "m", "side W of the square area", Source: "Table I"),
        new("bandwidth_hz", 1e7, 1e3, 1e10, "Hz", "shared uplink bandwidth B", Source: "Table I"),
        new("noise_w", 1e-9, 1e-20, 1, "W", "noise power σ² (−90 dBW)", Source: "Table I"),
        new("rho0", 1e-3, 1e-12, 1, "1", "channel gain ρ0 at the 1 m reference distance (−30 dB)", Source: "Table I"),
        new("kappa", 10, 0, 1e4, "1", "Rician factor κ (linear)", Source: "Table I"),
        new("phi", 2, 1.5, 6, "1", "path-loss exponent φ", Source: "spec §3"),
        new("min_dist_m", 1, 0.01, 100, "m", "distance floor d_min", Source: "spec §3"),
        new("p_max_w", 0.5, 1e-6, 100, "W", "maximum MU transmit power P_max", Source: "Table I"),
        new("wired_bps", 1e7, 1, 1e12, "bit/s", "capacity w_ij of each directed BS-to-BS link", Source: "Table I"),
        new("f_max_hz", 1e10, 1e6, 1e13, "cycles/s", "server CPU capacity f_max", Source: "Table I"),
        new("lambda", 0.5, 0, 1, "1", "request probability λ per MU per slot", Source: "Table I"),
        new("d_min_bits", 1.5e4, 1, 1e9, "bit", "smallest request size D_min (15 kbit)", Source: "Table I, spec §12.1"),
        new("d_max_bits", 2.5e4, 1, 1e9, "bit", "largest request size D_max (25 kbit)", Source: "Table I, spec §12.1"),
        new("c_min", 550, 1, 1e6, "cycles/bit", "smallest processing density C", Source: "Table I"),
        new("c_max", 700, 1, 1e6, "cycles/bit", "largest processing density C_max", Source: "Table I"),
        new("deadline_s", 0.05, 1e-6, 100, "s", "request deadline τ (fails iff t > τ)", Source: "spec §3"),
        new("mig_slots", 10, 0, 100000, "slots", "migration duration G (must be < T)", ParameterKind.Integer, Source: "spec §3"),
        new("eta", 1.0, 0, 1e6, "1", "Lyapunov control factor η", Source: "Table I"),
        new("epsilon", 0.2, 0, 1, "failures/slot", "failure-rate cap ε", Source: "Table I"),
        new("nu", 100, 0, 1e9, "1", "reward scale ν", Source: "paper eq. 28"),
        new("t_cap_s", 1.0, 1e-6, 1e6, "s", "cap of the control-center time term", Source: "spec §5"),
        new("t_big_s", 1e9, 1, 1e30, "s", "finite sentinel for an impossible delay", Source: "spec §6"),
        new("speed_min_mps", 2, 0, 100, "m/s", "lower end of the mean-speed draw s̄ ~ U", Source: "Table I"),
        new("speed_max_mps", 10, 0, 100, "m/s", "upper end of the mean-speed draw s̄ ~ U", Source: "Table I"),
        new("mu1", 0.9, 0, 0.999999, "1", "Gauss-Markov speed memory μ1", Source: "spec §3"),
        new("mu2", 0.9, 0, 0.999999, "1", "Gauss-Markov heading memory μ2", Source: "spec §3"),
        new("speed_noise_std_mps", 1.0, 0, 100, "m/s", "speed noise std ζ_v", Source: "spec §3"),
        new("heading_noise_std_rad", 0.2, 0, 10, "rad", "heading noise std ζ_θ", Source: "spec §3"),
        new("speed_noise_mean_mps", 0, -100, 100, "m/s", "speed noise mean ξ̄_v", Source: "spec §3"),
        new("heading_noise_mean_rad", 0, -10, 10, "rad", "heading noise mean ξ̄_θ", Source: "spec §3"),
        ParameterDef.Choice("association", AssociationLearned, ["learned", "nearest"], "MU association: the agent's choice, or forced to the nearest BS", "spec §12.4"),
        ParameterDef.Choice("interference", InterferencePhysical, ["physical", "paper-literal"], "interference at the serving BS (physical) or eq. 7 as printed", "spec §12.2"),
        ParameterDef.Choice("share_mapping", ShareProportional, ["proportional", "scale-if-exceeds"], "BS share actions to CPU / wired rates", "spec §5"),
        ParameterDef.Choice("energy_cap", EnergyCapSlot, ["slot", "none"], "cap the energy-charged transmit time at δt", "spec §6 S11"),
        ParameterDef.Choice("energy_weight", EnergyWeightPerMu, ["per-mu", "paper-literal", "raw"], "w_E in the reward: 1/K, 1/(QKT) or 1", "spec §12.5"),
        ParameterDef.Choice("blocked_transmit", 0, ["no", "yes"], "let migrating (blocked) requesters radiate anyway", "spec §6 S4"),
        ParameterDef.Choice("border", 0, ["reflect", "wrap"], "MU behaviour at the area border", "spec §2"),
        ParameterDef.Choice("bs_layout", LayoutSymmetric, ["symmetric", "random-fixed"], "BS positions: the spec's layouts or uniform per env from the seed", "spec §2"),
        ParameterDef.Choice("mig_duration", MigDurationFixed, ["fixed", "derived"], "G = mig_slots, or G = min(T − 1, ⌈S_DT / (w·δt)⌉) from the DT size and the link rate", "spec §3"),
        new("dt_size_bits", 5e6, 1, 1e12, "bit", "DT image size S_DT moved by a migration (mig_duration=derived)", Source: "spec §3"),
        new("deadline_max_s", 0, 0, 100, "s", "if > deadline_s, τ ~ U[deadline_s, deadline_max_s] per request; 0 = constant τ", Source: "spec §3"),
    ]);

    /// <summary>Cross-field checks the per-field ranges cannot express; the message names the fields.</summary>
    public static void Validate(ParameterGrid grid)
    {
        for (int cell = 0; cell < grid.Cells; cell++)
        {
            double V(int i) => grid.CellValue(cell, i);
            string at = grid.Cells > 1 ? $" (at {grid.CellLabel(cell)})" : "";
            if ((int)V(MigDuration) == MigDurationFixed && V(MigSlots) >= V(SlotsPerFrame))
                throw new ParameterException($"mig_slots: {V(MigSlots)} must be < T = {V(SlotsPerFrame)}{at}");
            if (V(DminBits) > V(DmaxBits))
                throw new ParameterException($"d_min_bits: {V(DminBits)} must be <= d_max_bits = {V(DmaxBits)}{at}");
            if (V(CminCyclesPerBit) > V(CmaxCyclesPerBit))
                throw new ParameterException($"c_min: {V(CminCyclesPerBit)} must be <= c_max = {V(CmaxCyclesPerBit)}{at}");
            if (V(DeadlineMaxS) > 0 && V(DeadlineMaxS) < V(DeadlineS))
                throw new ParameterException($"deadline_max_s: {V(DeadlineMaxS)} must be 0 (constant τ) or >= deadline_s = {V(DeadlineS)}{at}");
            if (V(SpeedMinMps) > V(SpeedMaxMps))
                throw new ParameterException($"speed_min_mps: {V(SpeedMinMps)} must be <= speed_max_mps = {V(SpeedMaxMps)}{at}");
            if (V(SlotsPerFrame) * V(FramesPerEpisode) > int.MaxValue / 2)
                throw new ParameterException($"T x Q: {V(SlotsPerFrame) * V(FramesPerEpisode)} slots per episode is too many; allowed: <= {int.MaxValue / 2}{at}");
        }
    }
}
