using ILGPU;

namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec.Kernels;

/// <summary>S8 (eq. 6): Q^E ← min(max(Q^E − x·p·d_w, 0) + e(t), BatteryCap); the harvest arrives after the slot.</summary>
public static class Battery
{
    /// <summary>One thread per device slot; padded slots stay 0.</summary>
    public static void BatteryKernel(Index1D d, CollabMecState s)
    {
        if (s.DevActive[d] == 0) return;
        int e = d / s.DevicesPerEnv;
        s.BatteryJ[d] = CollabMecRules.BatteryAfterSlot(s.BatteryJ[d], s.UploadEnergyJ[d], s.HarvestJ[d], s.BatteryCap[e]);
    }
}
