using GpuTwin.Kernels.Compute;
using GpuTwin.Kernels.Numerics;
using GpuTwin.Kernels.Radio;
using static GpuTwin.VecEnv.Scenarios.IomtMultiTask.IomtParameters;

namespace GpuTwin.VecEnv.Scenarios.IomtMultiTask;

/// <summary>Small formulas of spec §5–§7 that several iomt kernels and the baselines share.</summary>
public static class IomtRules
{
    /// <summary>x̂ = min(max(x, x_min), 1); NaN maps to x_min.</summary>
    public static float ClampShare(float x, float floor) => x >= floor ? (x < 1f ? x : 1f) : floor;

    /// <summary>w = c·exp(α(P − μ)).</summary>
    public static float PriorityWeight(in IomtState s, int e, int priority) =>
        s.P(e, PrioC) * FMath.Exp(s.P(e, PrioAlpha) * (priority - s.P(e, PrioMu)));

    /// <summary>
    /// ρ = P^tr·σ²·|g|²/N0 in Hz, with |g|² = 10^(−PL/10), PL = PL0 + 10η·log10(d/d0) (spec §12.6), or the
    /// paper-literal |g|² = 1/PL_dB² of eq. 4 as printed.
    /// </summary>
    public static float MeanGainOverN0(float txPowerW, float distanceM, float pl0Db, float eta, float d0M, float sigma2, float n0, bool paperLiteral)
    {
        float slope = 10f * eta;
        float gain;
        if (paperLiteral)
        {
            float plDb = pl0Db + slope * FMath.Log10(distanceM / d0M);
            gain = 1f / (plDb * plDb);
        }
        else gain = PathLoss.LogDistanceGain(pl0Db, slope, distanceM / d0M);
        return txPowerW * sigma2 * gain / n0;
    }

    /// <summary>E[rate] = (b/ln 2)·e^x·E1(x) with x = b/ρ (eq. 6).</summary>
    public static float ExpectedRateBps(float bandwidthHz, float rho) => ShannonRate.ExpectedRayleighRateBps(bandwidthHz, rho);

    /// <summary>Pool grant X·x̂·min(1, 1/S) (scale-if-exceeds, penalty) or X·x̂/S (normalise).</summary>
    public static float Grant(float capacity, float share, float sum, bool normalise)
    {
        if (sum <= 0f) return 0f;
        if (normalise) return capacity * (share / sum);
        return sum > 1f ? capacity * (share / sum) : capacity * share;
    }

    /// <summary>α^T·T̃ + α^E·Ẽ with T̃ = min(T/T^max, 1), Ẽ = min(E/E^max, 1) (uncapped with cost_cap=off).</summary>
    public static float Cost(in IomtState s, int e, float delayS, float energyJ)
    {
        float t = delayS / s.P(e, TmaxS), en = energyJ / s.P(e, EmaxJ);
        if ((int)s.P(e, CostCap) == CostCapOn)
        {
            t = FMath.Min(t, 1f);
            en = FMath.Min(en, 1f);
        }
        return s.P(e, AlphaT) * t + s.P(e, AlphaE) * en;
    }

    /// <summary>Local execution at f: T = C/f, E = k0·f²·C.</summary>
    public static void Local(float cycles, float cpuHz, float k0, float tBig, out float delayS, out float energyJ)
    {
        delayS = SafeDivide.Time(cycles, cpuHz, tBig);
        energyJ = ComputeCost.LocalComputeEnergyJ(k0, cpuHz, cycles);
    }

    /// <summary>Offloaded execution: T = D/rate + C/f, E = P^tr·D/rate.</summary>
    public static void Offload(float bits, float cycles, float rateBps, float cpuHz, float txPowerW, float tBig, out float delayS, out float energyJ)
    {
        float tTr = SafeDivide.Time(bits, rateBps, tBig);
        float tExe = SafeDivide.Time(cycles, cpuHz, tBig);
        delayS = FMath.Min(tTr + tExe, tBig);
        energyJ = ComputeCost.TransmitEnergyJ(txPowerW, tTr);
    }

    /// <summary>Index k (0-based) of the nearest active server, ties to the lower k.</summary>
    public static int NearestServer(in IomtState s, int e, int i)
    {
        int best = 0;
        float bestD = float.MaxValue;
        int kCount = s.Servers(e);
        for (int k = 0; k < kCount; k++)
        {
            float d = s.Dist[s.Link(e, i, k)];
            if (d < bestD) { bestD = d; best = k; }
        }
        return best;
    }

    /// <summary>The executed target: s clamped to {0..N^m} (illegal targets map to local, spec §6 S2).</summary>
    public static int LegalTarget(int target, int servers) => target < 0 || target > servers ? 0 : target;
}
