using GpuTwin.Kernels.Memory;
using GpuTwin.Kernels.Compute;
using GpuTwin.Kernels.Numerics;
using GpuTwin.Kernels.Radio;
using ILGPU;
using static GpuTwin.VecEnv.Scenarios.V2xOffloading.V2xParameters;

namespace GpuTwin.VecEnv.Scenarios.V2xOffloading;

/// <summary>One task's physical outcome (spec §6 S4–S8).</summary>
public struct V2xOutcome
{
    public float RateBps, UploadS, DelayS, EnergyJ, Cost;
    public bool Failed;
}

/// <summary>
/// The per-vehicle rules that the env kernels and the baselines share: action decoding, feasibility and the
/// sequential DT update (spec §5), the task outcome (§6) and the observation (§5). One implementation, so a
/// heuristic's own cost evaluation is exactly the env's.
/// </summary>
public static class V2xRules
{
    /// <summary>c_ref = w·ζ·D̄/f_loc + (1−w)·φ_loc·ζ·D̄·f_loc² (spec §7).</summary>
    public static float CostRef(in V2xState s, int e)
    {
        float w = s.P(e, Weight), zeta = s.P(e, Zeta), dbar = s.P(e, DbarBits), floc = s.P(e, FlocHz);
        float cycles = zeta * dbar;
        return w * cycles / floc + (1f - w) * ComputeCost.LocalComputeEnergyJ(s.P(e, PhiLoc), floc, cycles);
    }

    /// <summary>u clamped to [−1, 1]; NaN becomes −1, so a broken policy cannot inject NaN.</summary>
    public static float ClampU(float u) => u >= -1f ? (u <= 1f ? u : 1f) : -1f;

    /// <summary>a = clamp((u + 1)/2, 0, 1) (eqs. 25–26).</summary>
    public static float Share(float u) => FMath.Clamp((ClampU(u) + 1f) / 2f, 0f, 1f);

    /// <summary>The requested target x ∈ {0..N} from u_x under the env's decoder (spec §5).</summary>
    public static int DecodeTarget(in V2xState s, int e, float ux)
    {
        int n = s.Servers(e);
        int mode = (int)s.P(e, TargetDecode);
        int x;
        if (mode == DecodeCategorical)
        {
            float v = ux >= 0f ? ux : 0f; // NaN → 0
            x = (int)FMath.Floor(v + 0.5f);
        }
        else
        {
            float u = ClampU(ux);
            if (mode == DecodePaperRound) x = (int)FMath.Floor((u + 1f) / 2f * n + 0.5f);
            else
            {
                // Exactly this order (add 1, halve, multiply, floor) so that every backend agrees at bin edges.
                float y = (u + 1f) / 2f;
                y *= n + 1;
                x = (int)FMath.Floor(y);
            }
        }
        return x < 0 ? 0 : (x > n ? n : x);
    }

    /// <summary>A u_x that the env's decoder maps back to x (bin centre), for heuristics' raw-action record.</summary>
    public static float EncodeTarget(in V2xState s, int e, int x)
    {
        int n = s.Servers(e);
        int mode = (int)s.P(e, TargetDecode);
        if (mode == DecodeCategorical) return x;
        if (mode == DecodePaperRound) return 2f * x / n - 1f;
        return 2f * (x + 0.5f) / (n + 1) - 1f;
    }

    /// <summary>Nearest ES (ties to the lower index), or −1 when it is farther than R (spec §2).</summary>
    public static int NearestInRange(in V2xState s, int e, int i)
    {
        int n = s.Servers(e), best = -1;
        float bestD = float.MaxValue;
        for (int j = 0; j < n; j++)
        {
            float d = s.DistM[s.Pair(e, i, j)];
            if (d < bestD) { bestD = d; best = j; }
        }
        return best >= 0 && bestD <= s.P(e, RadiusM) ? best : -1;
    }

    /// <summary>
    /// The upload ES k for target ES j (spec §5 feasibility): j itself when in range (direct), else the
    /// access ES (remote via the wire), −1 when the vehicle has no coverage.
    /// </summary>
    public static int UploadFor(in V2xState s, int e, int i, int j)
    {
        int access = s.AccessEs[s.Veh(e, i)];
        if ((int)s.P(e, UploadVia) == UploadAlwaysNearest) return access;
        return s.DistM[s.Pair(e, i, j)] <= s.P(e, RadiusM) ? j : access;
    }

    /// <summary>
    /// Applies vehicle i's decoded decision: feasibility, grants from what the DT says remains now, and the
    /// DT update (spec §5 steps 3–4). Shares a ∈ [0, 1] are fractions of the remaining CPU at the target and
    /// of the remaining bandwidth at the upload ES.
    /// </summary>
    public static void ApplyDecision(in V2xState s, int e, int i, int x, float ap, float af, float ab)
    {
        int v = s.Veh(e, i);
        int k = -1;
        byte noCov = 0;
        if (x > 0)
        {
            k = UploadFor(s, e, i, x - 1);
            if (k < 0) { x = 0; noCov = 1; }
        }
        s.Target[v] = x;
        s.UploadEs[v] = x > 0 ? k : -1;
        s.NoCoverage[v] = noCov;
        if (x == 0)
        {
            s.TxPowerW[v] = 0f; s.CpuHz[v] = 0f; s.BwHz[v] = 0f;
            return;
        }
        int jt = s.Es(e, x - 1), ku = s.Es(e, k);
        float fRem = s.DtFremHz[jt], bRem = s.DtBremHz[ku];
        float f = FMath.Clamp(af, 0f, 1f) * fRem, b = FMath.Clamp(ab, 0f, 1f) * bRem;
        s.TxPowerW[v] = FMath.Clamp(ap, 0f, 1f) * s.P(e, PmaxW);
        s.CpuHz[v] = f;
        s.BwHz[v] = b;
        s.DtFremHz[jt] = FMath.Max(fRem - f, 0f);
        s.DtBremHz[ku] = FMath.Max(s.DtBremHz[ku] - b, 0f);
    }

    /// <summary>
    /// The outcome of vehicle i's task for target x (0 local, else ES x−1), upload ES k and grants p, f, b
    /// (spec §6 S4–S8), from the slot's D, G, H and the vehicle's ρ².
    /// </summary>
    public static V2xOutcome Outcome(in V2xState s, int e, int i, int x, int k, float p, float f, float b)
    {
        int v = s.Veh(e, i);
        float d = s.TaskBits[v], zeta = s.P(e, Zeta), tBig = s.P(e, TBigS), tau = s.P(e, DeadlineS);
        var o = new V2xOutcome();
        if (x == 0)
        {
            float floc = s.P(e, FlocHz);
            o.DelayS = ComputeCost.ProcessingDelayS(d, zeta, floc, tBig);
            o.EnergyJ = ComputeCost.LocalComputeEnergyJ(s.P(e, PhiLoc), floc, zeta * d);
            o.UploadS = 0f;
            o.RateBps = 0f;
        }
        else
        {
            int j = x - 1, pk = s.Pair(e, i, k);
            float gamma = ChannelAging.EffectiveSnr(s.Rho2[v], p, s.GainLs[pk], s.FadeH[pk], s.P(e, NoiseW));
            float rate = b > 0f && p > 0f ? ShannonRate.Bps(b, gamma) : 0f;
            float tUp = ComputeCost.TransmissionDelayS(d, rate, tBig);
            float tWired = k != j ? ComputeCost.TransmissionDelayS(d, s.WiredBps[s.Link(e, k, j)], tBig) : 0f;
            float tComp = ComputeCost.ProcessingDelayS(d, zeta, f, tBig);
            o.DelayS = FMath.Min(tUp + tWired + tComp + s.P(e, OffloadOverheadS), tBig);
            float eTx = ComputeCost.TransmitEnergyJ(p, FMath.Min(tUp, tau));
            float eEs = tUp < tau ? ComputeCost.LocalComputeEnergyJ(s.P(e, PhiEs), f, zeta * d) : 0f;
            o.EnergyJ = eTx + eEs;
            o.UploadS = tUp;
            o.RateBps = rate;
        }
        o.Failed = o.DelayS > tau;
        float tCharged = o.Failed ? s.P(e, FailMult) * tau : o.DelayS;
        float w = s.P(e, Weight);
        o.Cost = w * tCharged + (1f - w) * o.EnergyJ;
        return o;
    }

    /// <summary>Length of one vehicle's observation: 1 + 4·N_max (spec §5).</summary>
    public static int ObsSize(int nMax) => 1 + 4 * nMax;

    /// <summary>
    /// o_i from the current DT at offset o of <paramref name="target"/>: D/D_norm, d_ij/W, min(H_ij, clip),
    /// F_rem/F_norm, B_rem/B_norm (padded ESs and inactive vehicles zero).
    /// </summary>
    public static void WriteObservation(in V2xState s, int e, int i, FieldView<float> target, int o)
    {
        int size = s.ObsSize;
        if (i >= s.Vehicles(e))
        {
            target.Clear(o, size);
            return;
        }
        int n = s.Servers(e), nMax = s.NMax;
        float invW = 1f / s.P(e, AreaM), hClip = s.P(e, ObsHClip);
        float invF = 1f / s.P(e, ObsFNormHz), invB = 1f / s.P(e, BmaxHz);
        target[o] = s.TaskBits[s.Veh(e, i)] / s.P(e, ObsDNormBits);
        for (int j = 0; j < nMax; j++)
        {
            bool real = j < n;
            int pj = s.Pair(e, i, j);
            target[o + 1 + j] = real ? s.DistM[pj] * invW : 0f;
            target[o + 1 + nMax + j] = real ? FMath.Min(s.FadeH[pj], hClip) : 0f;
            target[o + 1 + 2 * nMax + j] = real ? s.DtFremHz[s.Es(e, j)] * invF : 0f;
            target[o + 1 + 3 * nMax + j] = real ? s.DtBremHz[s.Es(e, j)] * invB : 0f;
        }
    }
}
