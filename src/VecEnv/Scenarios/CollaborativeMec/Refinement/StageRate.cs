using ILGPU;
using static GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement.RefinementRules;

namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement;

/// <summary>
/// The rate of every transmitting device from its cell's S (after <see cref="CellRxPower"/> with the same set),
/// written to RateBps; 0 for devices that do not transmit. Used for R2 (S4) after D5.
/// </summary>
public static class StageRate
{
    public static void StageRateKernel(Index1D d, RefinementViews v, ArrayView<byte> transmitting)
    {
        if (transmitting[d] == 0)
        {
            v.RateBps[d] = 0f;
            return;
        }
        int e = d / v.Slots;
        v.RateBps[d] = CellRateBps(v.CellRxPowerW[d / v.UMax], v.TxPowerW[d] * v.Gain[d], v.BandwidthHz[e], v.NoisePsd[e]);
    }
}
