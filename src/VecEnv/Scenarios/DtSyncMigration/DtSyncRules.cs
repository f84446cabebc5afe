using GpuTwin.Kernels.Radio;
using static GpuTwin.VecEnv.Scenarios.DtSyncMigration.DtSyncParameters;

namespace GpuTwin.VecEnv.Scenarios.DtSyncMigration;

/// <summary>Small per-MU rules that several dt-sync kernels and the baselines share.</summary>
public static class DtSyncRules
{
    /// <summary>Shares are clamped to [1e-6, 1] so every member of a non-empty set gets a positive part (spec §5).</summary>
    public const float MinShare = 1e-6f;

    public static float ClampShare(float x) => x < MinShare ? MinShare : (x > 1f ? 1f : x);

    public static float DistanceM(in DtSyncState s, int e, int k, int m) =>
        PathLoss.DistanceM(s.PosX[s.Mu(e, k)], s.PosY[s.Mu(e, k)], s.BsX(e, m), s.BsY(e, m), s.P(e, MinDistanceM));

    /// <summary>Index of the closest BS (ties to the lowest index).</summary>
    public static int NearestBs(in DtSyncState s, int e, int k)
    {
        int best = 0;
        float bestD = float.MaxValue;
        int mCount = s.Bss(e);
        float x = s.PosX[s.Mu(e, k)], y = s.PosY[s.Mu(e, k)];
        for (int m = 0; m < mCount; m++)
        {
            float dx = x - s.BsX(e, m), dy = y - s.BsY(e, m);
            float d = dx * dx + dy * dy;
            if (d < bestD) { bestD = d; best = m; }
        }
        return best;
    }

    /// <summary>α_k this slot: the MU's action (clamped to a real BS) or the nearest BS in <c>association=nearest</c>.</summary>
    public static int Association(in DtSyncState s, int e, int k)
    {
        if ((int)s.P(e, DtSyncParameters.Association) == AssociationNearest) return NearestBs(s, e, k);
        return ClampBs(s.MuAssocAction[s.Mu(e, k)], s.Bss(e));
    }

    public static int ClampBs(int m, int count) => m < 0 ? 0 : (m >= count ? count - 1 : m);

    public static bool IsFrameStart(in DtSyncState s, int e) => s.Slot[e] % (int)s.P(e, SlotsPerFrame) == 0;

    /// <summary>β_k in force this slot: at a frame start the CC's proposal takes effect (spec §2), else the current host.</summary>
    public static int EffectiveHost(in DtSyncState s, int e, int k) =>
        IsFrameStart(s, e) ? ClampBs(s.CcProposalAction[s.Mu(e, k)], s.Bss(e)) : s.DtHost[s.Mu(e, k)];

    /// <summary>
    /// Migration duration G in slots: the fixed <c>mig_slots</c>, or derived from moving S_DT bits over the
    /// BS-to-BS link at w bit/s: min(T − 1, ⌈S_DT / (w·δt)⌉) (spec §3, option DerivedFromDtSize).
    /// </summary>
    public static int MigrationSlots(in DtSyncState s, int e)
    {
        if ((int)s.P(e, MigDuration) != MigDurationDerived) return (int)s.P(e, MigSlots);
        float slots = s.P(e, DtSizeBits) / (s.P(e, WiredBps) * s.P(e, SlotS));
        int g = (int)slots;
        if (g < slots) g++;
        int cap = (int)s.P(e, SlotsPerFrame) - 1;
        return g < cap ? g : cap;
    }

    /// <summary>Blocked this slot: a migration is running, or one starts now because the host changes at a frame start.</summary>
    public static bool EffectiveBlocked(in DtSyncState s, int e, int k)
    {
        int i = s.Mu(e, k);
        if (IsFrameStart(s, e) && EffectiveHost(s, e, k) != s.DtHost[i]) return MigrationSlots(s, e) > 0;
        return s.MigCountdown[i] > 0;
    }
}
