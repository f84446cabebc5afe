using ILGPU;

namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec.Kernels;

/// <summary>
/// Spec §5.3: 1 where a proto-action component can affect the env. x̂ and ŵ of active device slots; ŷ_b of an
/// active slot if BS b is active and is the home BS or linked to it (C_{i,b} &gt; 0). Padded slots are all 0.
/// The layout [E, N, U, N + 2] is the same for both views (the per-bs view splits it by home BS).
/// </summary>
public static class ActionMasks
{
    /// <summary>One thread per device slot.</summary>
    public static void ActionMaskKernel(Index1D d, CollabMecState s)
    {
        int e = d / s.DevicesPerEnv, i = (d - e * s.DevicesPerEnv) / s.UMax;
        int o = d * s.ProtoWidth;
        byte on = s.DevActive[d];
        s.ActionMask[o] = on;
        for (int b = 0; b < s.NMax; b++)
            s.ActionMask[o + 1 + b] = on != 0 && TargetAllowed(s, e, i, b) ? (byte)1 : (byte)0;
        s.ActionMask[o + 1 + s.NMax] = on;
    }

    /// <summary>I2: the home BS, or an active BS with a wired link from home.</summary>
    public static bool TargetAllowed(in CollabMecState s, int e, int home, int b) =>
        s.BsActive[s.Bs(e, b)] != 0 && (b == home || s.WiredBps[s.Link(e, home, b)] > 0f);
}
