using GpuTwin.Kernels.Memory;
using ILGPU;

namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement;

/// <summary>
/// S_i = Σ_j x_ij·p_ij·h_ij over one cell's transmitting devices, summed in ascending j. Every rate stage
/// (R0, R1, R2) forms it in the cell's own thread, so it is bit-reproducible.
/// </summary>
public static class CellRxPower
{
    /// <summary>S of cell <paramref name="cell"/> = e·N + i, in W.</summary>
    public static float Sum(in RefinementViews v, int cell, FieldView<byte> transmitting)
    {
        int first = cell * v.UMax; // = Dev(e, i, 0)
        float sum = 0f;
        for (int j = 0; j < v.UMax; j++)
        {
            int d = first + j;
            if (transmitting[d] != 0) sum += v.TxPowerW[d] * v.Gain[d];
        }
        return sum;
    }

    /// <summary>R of device slot d (env e) given its cell's S, in bit/s.</summary>
    public static float Rate(in RefinementViews v, int d, int e, float cellRxW) =>
        RefinementRules.CellRateBps(cellRxW, v.TxPowerW[d] * v.Gain[d], v.BandwidthHz[e], v.NoisePsd[e]);
}
