using ILGPU;
using static GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement.RefinementRules;

namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement;

/// <summary>
/// D2 (eqs. 5, 16, 17): with R0 from the D1 set, keep a task iff E0 = p·z/R0 ≤ Q^E(t) (E_BIG when R0 ≤ R_MIN).
/// One pass: dropping devices only lowers interference, so every survivor stays feasible.
/// Needs <see cref="CellRxPower"/> over NnOffload first.
/// </summary>
public static class EnergyCheck
{
    public static void EnergyCheckKernel(Index1D d, RefinementViews v)
    {
        if (v.NnOffload[d] == 0)
        {
            v.EnergyOk[d] = 0;
            return;
        }
        int e = d / v.Slots;
        float r0 = CellRateBps(v.CellRxPowerW[d / v.UMax], v.TxPowerW[d] * v.Gain[d], v.BandwidthHz[e], v.NoisePsd[e]);
        v.RateBps[d] = r0;
        v.EnergyOk[d] = UploadEnergyJ(v.TxPowerW[d], v.SizeBits[d], r0) <= v.BatteryJ[d] ? (byte)1 : (byte)0;
    }
}
