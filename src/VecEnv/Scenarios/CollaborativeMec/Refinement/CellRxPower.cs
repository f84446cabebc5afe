using ILGPU;

namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement;

/// <summary>
/// S_i = Σ_j x_ij·p_ij·h_ij over one cell's transmitting devices, summed in ascending j by one thread per
/// (env, cell), so every rate stage (R0, R1, R2) is bit-reproducible.
/// </summary>
public static class CellRxPower
{
    public static void CellRxPowerKernel(Index1D cell, RefinementViews v, ArrayView<byte> transmitting)
    {
        int first = cell * v.UMax; // = Dev(e, i, 0) with cell = e·N + i
        float sum = 0f;
        for (int j = 0; j < v.UMax; j++)
        {
            int d = first + j;
            if (transmitting[d] != 0) sum += v.TxPowerW[d] * v.Gain[d];
        }
        v.CellRxPowerW[cell] = sum;
    }
}
