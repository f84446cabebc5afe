using ILGPU;
using static GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement.RefinementRules;

namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement;

/// <summary>
/// D2 (eqs. 5, 16, 17), one thread per (env, cell): R0 from the cell's D1 set, then keep a task iff
/// E0 = p·z/R0 ≤ Q^E(t) (E_BIG when R0 ≤ R_MIN). One pass: dropping devices only lowers interference, so
/// every survivor stays feasible. RateBps holds R0 afterwards.
/// </summary>
public static class EnergyCheck
{
    public static void EnergyCheckKernel(Index1D cell, RefinementViews v)
    {
        int e = cell / v.N;
        float s0 = CellRxPower.Sum(v, cell, v.NnOffload);
        v.CellRxPowerW[cell] = s0;
        for (int j = 0; j < v.UMax; j++)
        {
            int d = cell * v.UMax + j;
            if (v.NnOffload[d] == 0) continue;
            float r0 = CellRxPower.Rate(v, d, e, s0);
            v.RateBps[d] = r0;
            v.EnergyOk[d] = UploadEnergyJ(v.TxPowerW[d], v.SizeBits[d], r0) <= v.BatteryJ[d] ? (byte)1 : (byte)0;
        }
    }
}
