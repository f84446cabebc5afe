using GpuTwin.Kernels.Memory;
using GpuTwin.Kernels.Numerics;
using GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement;
using ILGPU;
using static GpuTwin.VecEnv.Scenarios.CollaborativeMec.CollabMecParameters;
using R = GpuTwin.VecEnv.Scenarios.CollaborativeMec.CollabMecRules;

namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec.Kernels;

/// <summary>
/// The digital twin's views (spec §5, S1), normalised by fixed constants (not per env, so sweeps stay visible):
/// per device slot [DevActive, z/8e4, v/8e3, δ/2, g/3, clip(ν⁰/4e6, 0, 4), clip(Q^E/0.05 J, 0, 10), p/0.18]
/// (+ the 4 ObsExtras), then the global tail [F_i/1e9, C_{i,b}/1e8 for i ≠ b row-major, t/T_ep].
/// Central: all N·U slots, then the tail. Per-bs agent i: its own U slots, the tail, 4 summaries of every
/// other BS in increasing b, then one-hot(i) with AgentIdInObs. Padded entries are zero.
/// </summary>
public static class Observations
{
    public const int BaseFeatures = 8, ExtraFeatures = 4, BsSummaries = 4;
    public const float SizeRef = 8e4f, DensityRef = 8e3f, DeadlineRef = 2f, AwardRef = 3f, RateRef = 4e6f, BatteryRef = 0.05f,
        PowerRef = 0.18f, HarvestRef = 1.5e-3f, CpuRef = 1e9f, WiredRef = 1e8f, DemandRef = 1e9f, StaticPriorityScale = 1e8f;
    /// <summary>Floor of Q^E in the E⁰/Q^E extra (J), so an empty battery gives the clip value, not a division by 0.</summary>
    public const float BatteryFloorJ = 1e-9f;

    public static int TailSize(int nMax) => nMax + nMax * (nMax - 1) + 1;
    public static int CentralSize(int nMax, int uMax, int features) => nMax * uMax * features + TailSize(nMax);
    public static int BsSize(int nMax, int uMax, int features, bool agentId) =>
        uMax * features + TailSize(nMax) + BsSummaries * (nMax - 1) + (agentId ? nMax : 0);

    #region Central view

    /// <summary>One thread per device slot: its features into the central observation (intoFinal = 1: envs truncated this step, into the final buffer).</summary>
    public static void CentralSlotsKernel(Index1D d, CollabMecState s, int intoFinal)
    {
        int e = d / s.DevicesPerEnv;
        if (intoFinal != 0 && s.Truncated[e] == 0) return;
        var obs = intoFinal != 0 ? s.FinalCentralObs : s.CentralObs;
        int q = d - e * s.DevicesPerEnv;
        WriteSlot(s, e, d, obs, e * s.CentralObsSize + q * s.SlotFeatures);
    }

    /// <summary>One thread per env: the global tail of the central observation.</summary>
    public static void CentralTailKernel(Index1D e, CollabMecState s, int intoFinal)
    {
        if (intoFinal != 0 && s.Truncated[e] == 0) return;
        var obs = intoFinal != 0 ? s.FinalCentralObs : s.CentralObs;
        WriteTail(s, e, obs, e * s.CentralObsSize + s.DevicesPerEnv * s.SlotFeatures);
    }

    #endregion

    #region Per-bs view

    /// <summary>One thread per device slot: its features into its home BS agent's observation.</summary>
    public static void BsSlotsKernel(Index1D d, CollabMecState s, int intoFinal)
    {
        int e = d / s.DevicesPerEnv;
        if (intoFinal != 0 && s.Truncated[e] == 0) return;
        var obs = intoFinal != 0 ? s.FinalObs : s.BsObs;
        int q = d - e * s.DevicesPerEnv, i = q / s.UMax, j = q - i * s.UMax;
        WriteSlot(s, e, d, obs, s.Bs(e, i) * s.BsObsSize + j * s.SlotFeatures);
    }

    /// <summary>One thread per (env, agent i): the tail, the summaries of the other BSs and the optional agent id.</summary>
    public static void BsTailKernel(Index1D a, CollabMecState s, int intoFinal)
    {
        int e = a / s.NMax, i = a - e * s.NMax;
        if (intoFinal != 0 && s.Truncated[e] == 0) return;
        var obs = intoFinal != 0 ? s.FinalObs : s.BsObs;
        int o = a * s.BsObsSize + s.UMax * s.SlotFeatures;
        WriteTail(s, e, obs, o);
        o += TailSize(s.NMax);
        for (int b = 0; b < s.NMax; b++)
        {
            if (b == i) continue;
            WriteSummaries(s, e, b, obs, o);
            o += BsSummaries;
        }
        if (s.AgentIdWidth > 0)
        {
            bool on = s.P(e, AgentIdInObs) != 0f;
            for (int b = 0; b < s.NMax; b++) obs[o + b] = on && b == i ? 1f : 0f;
        }
    }

    /// <summary>BS b's 4 summaries over its active devices: U_b/U_max, mean g/3, mean (z·v/δ)/1e9, share with E⁰ ≤ Q^E.</summary>
    private static void WriteSummaries(in CollabMecState s, int e, int b, FieldView<float> obs, int o)
    {
        float n = 0f, award = 0f, demand = 0f, affordable = 0f;
        for (int j = 0; j < s.UMax; j++)
        {
            int d = s.Dev(e, b, j);
            if (s.DevActive[d] == 0) continue;
            n += 1f;
            award += s.Award[d] / AwardRef;
            demand += s.SizeBits[d] * s.CyclesPerBit[d] / s.DeadlineS[d] / DemandRef;
            if (RefinementRules.UploadEnergyJ(s.TxPowerW[d], s.SizeBits[d], s.Rate0Bps[d]) <= s.BatteryJ[d]) affordable += 1f;
        }
        float inv = n > 0f ? 1f / n : 0f;
        obs[o] = n / s.UMax;
        obs[o + 1] = award * inv;
        obs[o + 2] = demand * inv;
        obs[o + 3] = affordable * inv;
    }

    #endregion

    #region Shared blocks

    private static void WriteSlot(in CollabMecState s, int e, int d, FieldView<float> obs, int o)
    {
        bool on = s.DevActive[d] != 0;
        float z = s.SizeBits[d], v = s.CyclesPerBit[d], delta = s.DeadlineS[d], g = s.Award[d], nu0 = s.Rate0Bps[d];
        float q = s.BatteryJ[d], p = s.TxPowerW[d];
        obs[o] = on ? 1f : 0f;
        obs[o + 1] = on ? z / SizeRef : 0f;
        obs[o + 2] = on ? v / DensityRef : 0f;
        obs[o + 3] = on ? delta / DeadlineRef : 0f;
        obs[o + 4] = on ? g / AwardRef : 0f;
        obs[o + 5] = on ? FMath.Clamp(nu0 / RateRef, 0f, 4f) : 0f;
        obs[o + 6] = on ? FMath.Clamp(q / BatteryRef, 0f, 10f) : 0f;
        obs[o + 7] = on && s.P(e, ObsTxPower) != 0f ? p / PowerRef : 0f;
        if (s.SlotFeatures <= BaseFeatures) return;
        bool extras = on && s.P(e, ObsExtras) != 0f;
        float e0 = RefinementRules.UploadEnergyJ(p, z, nu0);
        float slack = R.InterferenceFreeSlackS(delta, z, nu0);
        obs[o + 8] = extras ? s.HarvestJ[d] / HarvestRef : 0f;
        obs[o + 9] = extras ? FMath.Clamp(e0 / FMath.Max(q, BatteryFloorJ), 0f, 10f) : 0f;
        obs[o + 10] = extras ? slack / delta : 0f;
        obs[o + 11] = extras && slack > 0f ? g * slack / (z * v) * StaticPriorityScale : 0f;
    }

    private static void WriteTail(in CollabMecState s, int e, FieldView<float> obs, int o)
    {
        for (int i = 0; i < s.NMax; i++) obs[o + i] = s.CpuHz[s.Bs(e, i)] / CpuRef;
        o += s.NMax;
        for (int i = 0; i < s.NMax; i++)
            for (int b = 0; b < s.NMax; b++)
            {
                if (b == i) continue;
                obs[o++] = s.WiredBps[s.Link(e, i, b)] / WiredRef;
            }
        int tEp = s.EpisodeLen[e];
        obs[o] = tEp > 0 ? (float)s.Slot[e] / tEp : 0f;
    }

    #endregion
}
