using GpuTwin.Kernels.Radio;
using ILGPU;
using static GpuTwin.VecEnv.Scenarios.DtSyncMigration.DtSyncParameters;

namespace GpuTwin.VecEnv.Scenarios.DtSyncMigration.Kernels;

/// <summary>
/// S4, S6, S7: who transmits, the SINR at the serving BS with co-channel interference from every other
/// transmitter, and the Shannon rate over the full band.
/// </summary>
public static class Uplink
{
    public static void UplinkKernel(Index1D e, DtSyncState s)
    {
        int kCount = s.Mus(e), mCount = s.Bss(e);
        bool blockedTransmit = s.P(e, BlockedTransmit) != 0f;
        bool literal = (int)s.P(e, Interference) == InterferencePaperLiteral;
        float noise = s.P(e, NoiseW), bandwidth = s.P(e, BandwidthHz);

        // S4: only requesting, non-blocked MUs with p > 0 radiate.
        for (int k = 0; k < kCount; k++)
        {
            int i = s.Mu(e, k);
            bool tx = s.Requested[i] != 0 && (blockedTransmit || s.Blocked[i] == 0) && s.TxPowerW[i] > 0f;
            s.Transmitting[i] = tx ? (byte)1 : (byte)0;
            if (!tx) s.TxPowerW[i] = 0f;
        }

        // Received power at each BS from all transmitters: P_m = Σ_i p̂_i g_{i,m}.
        // The paper-literal form (eq. 7 as printed) weights each interferer by the gain to its own BS.
        float literalTotal = 0f;
        for (int m = 0; m < mCount; m++)
        {
            float total = 0f;
            for (int k = 0; k < kCount; k++) total += s.TxPowerW[s.Mu(e, k)] * s.Gain[s.Pair(e, k, m)];
            s.RxTotalW[s.Bs(e, m)] = total;
        }
        if (literal)
            for (int k = 0; k < kCount; k++)
                literalTotal += s.TxPowerW[s.Mu(e, k)] * s.Gain[s.Pair(e, k, s.Assoc[s.Mu(e, k)])];

        for (int k = 0; k < kCount; k++)
        {
            int i = s.Mu(e, k);
            if (s.Transmitting[i] == 0) { s.Sinr[i] = 0f; s.RateBps[i] = 0f; continue; }
            int m = s.Assoc[i];
            float own = s.TxPowerW[i] * s.Gain[s.Pair(e, k, m)];
            float interference = Sinr.InterferenceFromTotal(literal ? literalTotal : s.RxTotalW[s.Bs(e, m)], own);
            float gamma = Sinr.Ratio(own, interference, noise);
            s.Sinr[i] = gamma;
            s.RateBps[i] = ShannonRate.Bps(bandwidth, gamma);
        }
    }
}
