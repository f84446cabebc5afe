using GpuTwin.Kernels.Memory;
using ILGPU;

namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement;

/// <summary>
/// One thread per (env, cell): S over the transmitting set, then the rate of each transmitting device
/// (0 for the others), into CellRxPowerW and RateBps. Used for R2 (S4) after D5.
/// </summary>
public static class StageRate
{
    public static void StageRateKernel(Index1D cell, RefinementViews v, FieldView<byte> transmitting)
    {
        int e = cell / v.N;
        float s = CellRxPower.Sum(v, cell, transmitting);
        v.CellRxPowerW[cell] = s;
        for (int j = 0; j < v.UMax; j++)
        {
            int d = cell * v.UMax + j;
            v.RateBps[d] = transmitting[d] != 0 ? CellRxPower.Rate(v, d, e, s) : 0f;
        }
    }
}
