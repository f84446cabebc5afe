using GpuTwin.Kernels.Numerics;
using GpuTwin.Kernels.Radio;

namespace GpuTwin.VecEnv.Scenarios.IotMigration;

/// <summary>
/// Pure formulas of spec §5–§7 shared by the kernels, the baselines, the learners and the tests: the action
/// grid, the observation bins, the channel gain, the latency of eqs. 1–9 and the handshake times of §6.A.4.
/// </summary>
public static class IotMigrationRules
{
    public const byte NoTask = 255;

    #region Actions (spec §5.2): 0 = LOCAL, 1..L−1 = STAY, L..2L−2 = MIGRATE, θ on the grid {0, 1/(L−1), …}

    public static int NumActions(int thetaLevels) => 1 + 2 * (thetaLevels - 1);

    public static bool IsOffload(int action) => action > 0;

    public static bool IsMigrate(int action, int levels) => action >= levels && action != NoTask;

    /// <summary>Local share θ: 1 for LOCAL, else the action's grid level.</summary>
    public static float Theta(int action, int levels)
    {
        if (action <= 0) return 1f;
        int step = action < levels ? action - 1 : action - levels;
        return step / (float)(levels - 1);
    }

    /// <summary>The STAY action with the same θ as a MIGRATE action (itself otherwise).</summary>
    public static int AsStay(int action, int levels) => action >= levels ? action - levels + 1 : action;

    /// <summary>Whether an action puts a portion on <paramref name="server"/>: STAY loads serving, MIGRATE loads serving and target.</summary>
    public static bool LoadsServer(int action, int server, int serving, int target, int thetaLevels)
    {
        if (action <= 0 || action == NoTask) return false;
        if (server == serving) return true;
        return IsMigrate(action, thetaLevels) && server == target;
    }

    #endregion

    #region Observation bins (spec §5.3)

    /// <summary>JAL context count bin: 0 → 0, 1 → 1, 2–3 → 2, ≥ 4 → 3.</summary>
    public static int ContextBin(int count) => count <= 0 ? 0 : (count == 1 ? 1 : (count <= 3 ? 2 : 3));

    /// <summary>c = 4·k1 + k2 from the two committed-load counts.</summary>
    public static int Context(int loadServing, int loadTarget) => 4 * ContextBin(loadServing) + ContextBin(loadTarget);

    /// <summary>Position ring r from DistRatio: 0 below 0.5, 1 below 0.8, 2 at the cell edge.</summary>
    public static int RingBin(float distRatio) => distRatio < 0.5f ? 0 : (distRatio < 0.8f ? 1 : 2);

    /// <summary>Task-size bin z ∈ {0, 1, 2} relative to [B_lo, B_hi]; 1 when the spread is 0.</summary>
    public static int SizeBin(float bits, float meanBits, float spread)
    {
        float lo = (1f - spread) * meanBits, hi = (1f + spread) * meanBits;
        if (!(hi > lo)) return 1;
        int z = (int)FMath.Floor(3f * (bits - lo) / (hi - lo));
        return z < 0 ? 0 : (z > 2 ? 2 : z);
    }

    /// <summary>ℓ1 from n = requesters at the own server with self counted once (n ≥ 1): 1 → 0, 2 → 1, 3–4 → 2, 5–7 → 3, ≥ 8 → 4.</summary>
    public static int OwnLoadBin(int n) => n <= 1 ? 0 : (n == 2 ? 1 : (n <= 4 ? 2 : (n <= 7 ? 3 : 4)));

    /// <summary>ℓ2 from n' = requesters at the target server: 0 → 0, 1–2 → 1, 3–4 → 2, 5–7 → 3, ≥ 8 → 4.</summary>
    public static int TargetLoadBin(int n) => n <= 0 ? 0 : (n <= 2 ? 1 : (n <= 4 ? 2 : (n <= 7 ? 3 : 4)));

    public static int ObsIl(int ring, int size) => 3 * ring + size;

    public static int ObsJal(int obsIl, int ownLoadBin, int targetLoadBin) => (obsIl * 5 + ownLoadBin) * 5 + targetLoadBin;

    public const int IlStates = 9, JalStates = 225, JalContexts = 16;

    #endregion

    #region Radio and latency (spec §6 S5–S8)

    /// <summary>
    /// g(d) = 10^(−(a + b·log10(max(d, d_min)/1 km))/10); 1.995e−4·d^−3 at the defaults. The paper's b = 30 dB/decade
    /// (α = 3) is evaluated as g(1 km)/d_km³, without a log and an exp per link (the geometry cache computes U·N of them per slot).
    /// </summary>
    public static float Gain(float distanceM, float plADb, float plBDb, float dMinM) =>
        Gain(distanceM, Decibel.ToLinear(-plADb), plADb, plBDb, dMinM);

    /// <summary>The same with g(1 km) = 10^(−a/10) hoisted out of the per-link loop.</summary>
    public static float Gain(float distanceM, float gainAt1Km, float plADb, float plBDb, float dMinM)
    {
        float dKm = FMath.Max(distanceM, dMinM) / 1000f;
        if (plBDb == 30f) return gainAt1Km / (dKm * dKm * dKm);
        return PathLoss.LogDistanceGain(plADb, plBDb, dKm);
    }

    /// <summary>R = W·log2(1 + SINR) (eq. 3).</summary>
    public static float RateBps(float bandwidthHz, float sinr) => ShannonRate.Bps(bandwidthHz, sinr);

    /// <summary>
    /// T_proc of an offloaded task (eqs. 1–9 with the spec's corrections): T_local = C·B·θ/f_local; T_trans =
    /// B(1−θ)/R; STAY: T_exe = C·B(1−θ)/f_j; MIGRATE: β = κ(1−θ), ν = 1−θ−β, T_exe = C·B·β/f_j (or C·B(1−θ)/f_j
    /// with the paper-literal eq. 9), T_mig = B·ν/R_mig, T_exe' = C·B·ν/f_j'. T_edge adds the handshake
    /// <paramref name="handshakeS"/> (and T_ctx when migrating); T_proc = max or sum of T_local and T_edge.
    /// Every denominator is > 0 by construction (R ≥ R_min, n_m ≥ 1).
    /// </summary>
    public static float OffloadLatency(float bits, float cyclesPerBit, float theta, bool migrate, float kappa,
        float rateBps, float migRateBps, float fServingHz, float fTargetHz, float fLocalHz, float handshakeS, float tCtxS,
        bool literalEq9, bool combineSum,
        out float tLocal, out float tTrans, out float tExe, out float tMig, out float tExe2)
    {
        float off = 1f - theta;
        tLocal = cyclesPerBit * bits * theta / fLocalHz;
        tTrans = bits * off / rateBps;
        float edge;
        if (migrate)
        {
            float beta = kappa * off, nu = off - beta;
            tExe = cyclesPerBit * bits * (literalEq9 ? off : beta) / fServingHz;
            tMig = bits * nu / migRateBps;
            tExe2 = cyclesPerBit * bits * nu / fTargetHz;
            edge = handshakeS + tTrans + tExe + tMig + tExe2 + tCtxS;
        }
        else
        {
            tExe = cyclesPerBit * bits * off / fServingHz;
            tMig = 0f;
            tExe2 = 0f;
            edge = handshakeS + tTrans + tExe;
        }
        return combineSum ? tLocal + edge : FMath.Max(tLocal, edge);
    }

    /// <summary>T_proc of LOCAL: C·B/f_local (eq. 1 with θ = 1).</summary>
    public static float LocalLatency(float bits, float cyclesPerBit, float fLocalHz) => cyclesPerBit * bits / fLocalHz;

    /// <summary>The reward of one requester: 1/max(T, T_floor) or −T/Z, minus 1 on a violation with the deadline penalty.</summary>
    public static float Reward(float tProcS, float tFloorS, float deadlineS, bool negLatency, bool deadlinePenalty)
    {
        float r = negLatency ? -tProcS / deadlineS : 1f / FMath.Max(tProcS, tFloorS);
        if (deadlinePenalty && tProcS > deadlineS) r -= 1f;
        return r;
    }

    #endregion

    #region Handshake latency (spec §6.A.4)

    /// <summary>
    /// Success: 5·t_air + (2v_u + 2s_u) + (3v_s + s_s) + (b_cert + b_m5 + b_m9)/R + (b_cert + b_m7)/R_dl.
    /// </summary>
    public static float AuthSuccessS(float uplinkBps, float tAir, float userSign, float userVerify, float edgeSign, float edgeVerify,
        float downlinkBps, float certBits, float m5Bits, float m7Bits, float m9Bits) =>
        5f * tAir + (2f * userVerify + 2f * userSign) + (3f * edgeVerify + edgeSign)
        + (certBits + m5Bits + m9Bits) / uplinkBps + (certBits + m7Bits) / downlinkBps;

    /// <summary>Failure at the certificate check (Expired, WrongIssuer, Tampered, Revoked): 2·t_air + v_s + b_cert/R̃.</summary>
    public static float AuthCertFailureS(float uplinkBps, float tAir, float edgeVerify, float certBits) =>
        2f * tAir + edgeVerify + certBits / uplinkBps;

    /// <summary>Failure at proof of possession (WrongKey): 3·t_air + v_u + s_u + 2v_s + (b_cert + b_m5)/R̃ + b_cert/R_dl.</summary>
    public static float AuthKeyFailureS(float uplinkBps, float tAir, float userSign, float userVerify, float edgeVerify,
        float downlinkBps, float certBits, float m5Bits) =>
        3f * tAir + userVerify + userSign + 2f * edgeVerify + (certBits + m5Bits) / uplinkBps + certBits / downlinkBps;

    #endregion
}
