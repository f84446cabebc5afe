using GpuTwin.VecEnv.Parameters;

namespace GpuTwin.VecEnv.Scenarios.V2xOffloading;

/// <summary>
/// Parameters of <c>v2x</c> (paper 000; spec §8). The index constants give each parameter's column in the
/// device block [E, Count]; <see cref="Table"/> lists them in the same order. Every figure axis of spec §11
/// (d_bar_bits, speed_mps, f_max_hz with f_max_mode=fixed, M) is a per-env parameter.
/// </summary>
public static class V2xParameters
{
    public const int M = 0, N = 1, AreaM = 2, RadiusM = 3, SlotS = 4, EpisodeSlots = 5, DbarBits = 6, DSpread = 7,
        Zeta = 8, FlocHz = 9, PmaxW = 10, PhiLoc = 11, PhiEs = 12, BmaxHz = 13, FmaxMode = 14, FmaxLoHz = 15,
        FmaxHiHz = 16, FmaxHz = 17, NoiseW = 18, PlInterceptDb = 19, PlSlopeDb = 20, MinDistanceM = 21,
        SpeedMps = 22, Aging = 23, CarrierHz = 24, CsiAgeS = 25, OffloadOverheadS = 26, DeadlineS = 27,
        FailMult = 28, Weight = 29, WiredPhi = 30, HeadingNoiseRad = 31, TBigS = 32, TargetDecode = 33,
        UploadVia = 34, RewardScale = 35, ObsDNormBits = 36, ObsFNormHz = 37, ObsHClip = 38;

    // Choice levels (stored as their index).
    public const int FmaxUniformPerEpisode = 0, FmaxFixed = 1;
    public const int AgingJakes = 0, AgingNone = 1;
    public const int DecodeTanhFloor = 0, DecodePaperRound = 1, DecodeCategorical = 2;
    public const int UploadDirect = 0, UploadAlwaysNearest = 1;
    public const int RewardNormalised = 0, RewardRaw = 1;

    /// <summary>Most vehicles and edge servers one env may hold (bounds of the padded buffers).</summary>
    public const int MaxVehicles = 256, MaxEs = 64;

    public static ParameterTable Table { get; } = new(
    [
        new("M", 10, 1, MaxVehicles, "vehicles", "number of connected vehicles M (agents); Fig. 9 sweeps 10,20,40,60", ParameterKind.Integer, Source: "Table 1"),
        new("N", 3, 1, MaxEs, "ESs", "number of edge servers N (triangle layout at 3, grid otherwise)", ParameterKind.Integer, Source: "Table 1, spec §2"),
        new("area_m", 1000, 10, 1e6, "m", "side W of the square area", Source: "Table 1"),
        new("radius_m", 500, 1, 1e6, "m", "ES coverage radius R", Source: "Table 1"),
        new("slot_s", 0.1, 1e-4, 10, "s", "slot length Δt", Source: "spec §2"),
        new("episode_slots", 100, 1, 1e6, "slots", "slots per episode T_ep", ParameterKind.Integer, Source: "paper"),
        new("d_bar_bits", 1e5, 1, 1e9, "bit", "mean task size D̄ (Fig. 6 sweeps 2e4..2e5)", Source: "Table 1"),
        new("d_spread", 0.2, 0, 0.99, "1", "task size half-width δ_D: D ~ U[(1−δ)D̄, (1+δ)D̄]", Source: "spec §3"),
        new("zeta", 500, 1e-3, 1e6, "cycles/bit", "computation intensity ζ", Source: "Table 1"),
        new("f_loc_hz", 2e9, 1e6, 1e12, "Hz", "vehicle CPU frequency f_loc", Source: "Table 1"),
        new("p_max_w", 0.2, 1e-6, 100, "W", "maximum transmit power p_max", Source: "Table 1"),
        new("phi_loc", 1e-28, 0, 1e-20, "J·s²/cycle³", "vehicle effective capacitance φ_loc", Source: "spec §12.9"),
        new("phi_es", 1e-30, 0, 1e-20, "J·s²/cycle³", "ES effective capacitance φ_es", Source: "spec §12.9"),
        new("b_max_hz", 2e7, 1, 1e11, "Hz", "wireless bandwidth B^max of every ES", Source: "Table 1"),
        ParameterDef.Choice("f_max_mode", FmaxUniformPerEpisode, ["uniform-per-episode", "fixed"], "ES CPU F^max: U[f_max_lo_hz, f_max_hi_hz] per ES per episode, or f_max_hz for all (Fig. 8)", "spec §3"),
        new("f_max_lo_hz", 5e9, 1e6, 1e13, "Hz", "lower end of the per-episode F^max draw", Source: "paper text"),
        new("f_max_hi_hz", 25e9, 1e6, 1e13, "Hz", "upper end of the per-episode F^max draw", Source: "paper text"),
        new("f_max_hz", 15e9, 1e6, 1e13, "Hz", "F^max of every ES with f_max_mode=fixed (Fig. 8 sweeps 5e9..25e9)", Source: "Table 1"),
        new("noise_w", 5.012e-15, 1e-25, 1, "W", "total noise power σ² (−113 dBm)", Source: "Table 1, spec §12.3"),
        new("pl_intercept_db", 120.9, 0, 300, "dB", "path loss at 1 km: PL = a + b·log10(d/1 km)", Source: "spec §3 [25]"),
        new("pl_slope_db", 37.6, 0, 100, "dB/decade", "path-loss slope b (10·α)", Source: "spec §3 [25]"),
        new("min_dist_m", 10, 0.01, 1000, "m", "distance floor of the path-loss formula", Source: "spec §3"),
        new("speed_mps", 10, 0, 100, "m/s", "vehicle speed v (Fig. 7 sweeps 5..30)", Source: "Table 1"),
        ParameterDef.Choice("channel_aging", AgingJakes, ["jakes", "none"], "Doppler aging of the channel estimate (added, spec §12.1); none = the paper's physics", "spec §3"),
        new("carrier_hz", 5.9e9, 1e6, 1e12, "Hz", "carrier frequency f_c (aging only)", Source: "spec §3"),
        new("csi_age_s", 2.5e-4, 0, 1, "s", "age τ_fb of the channel estimate at upload (aging only)", Source: "spec §3"),
        new("offload_overhead_s", 0.005, 0, 10, "s", "fixed per-offload delay T_ovh (added, spec §12.2); 0 = the paper's physics", Source: "spec §6 S5"),
        new("deadline_s", 0.1, 1e-6, 100, "s", "task deadline τ (fails iff T > τ)", Source: "spec §6 S7"),
        new("fail_mult", 2, 0, 1e3, "1", "failure delay multiplier κ_fail (a failure costs κ·τ of delay)", Source: "spec §6 S8"),
        new("weight", 0.5, 0, 1, "1", "delay weight w in c = w·T + (1−w)·E", Source: "spec §12.10"),
        new("wired_phi", 5e10, 1, 1e18, "bit·m/s", "wired distance factor ϕ: r_w = ϕ/d", Source: "spec §12.8"),
        new("heading_noise_rad", 0.1, 0, 10, "rad", "heading noise σ_θ per slot", Source: "spec §3"),
        new("t_big_s", 1e9, 1, 1e30, "s", "finite sentinel for an impossible delay", Source: "spec §6 S5"),
        ParameterDef.Choice("target_decode", DecodeTanhFloor, ["tanh-floor", "paper-round", "categorical"], "decoder of u_x into the target {local, ES 1..N}", "spec §5"),
        ParameterDef.Choice("upload_via", UploadDirect, ["direct", "always-nearest"], "upload straight to an in-range target, or always to the nearest ES", "spec §5"),
        ParameterDef.Choice("reward_scale", RewardNormalised, ["normalised", "raw"], "reward stream: R(t)/c_ref (training) or R(t)", "spec §7"),
        new("obs_d_norm_bits", 2e5, 1, 1e12, "bit", "observation scale D_norm", Source: "spec §5"),
        new("obs_f_norm_hz", 25e9, 1, 1e14, "Hz", "observation scale F_norm", Source: "spec §5"),
        new("obs_h_clip", 10, 0.01, 1e6, "1", "clip of the observed fading H", Source: "spec §5"),
    ]);

    /// <summary>Cross-field checks the per-field ranges cannot express; the message names the fields.</summary>
    public static void Validate(ParameterGrid grid)
    {
        for (int cell = 0; cell < grid.Cells; cell++)
        {
            double V(int i) => grid.CellValue(cell, i);
            string at = grid.Cells > 1 ? $" (at {grid.CellLabel(cell)})" : "";
            if (V(FmaxLoHz) > V(FmaxHiHz))
                throw new ParameterException($"f_max_lo_hz: {V(FmaxLoHz)} must be <= f_max_hi_hz = {V(FmaxHiHz)}{at}");
        }
    }
}
