using GpuTwin.Kernels.Radio;
using GpuTwin.Kernels.Random;
using ILGPU;
using static GpuTwin.VecEnv.Scenarios.DtSyncMigration.DtSyncParameters;

namespace GpuTwin.VecEnv.Scenarios.DtSyncMigration.Kernels;

/// <summary>
/// The random quantities of a slot, drawn when the slot begins (spec S1, S5): requests a, Ω = (D, C, τ)
/// and the Rician gains of every (MU, BS) pair at the current positions. Drawing fading here (instead of
/// at resolution) lets oracle baselines see this slot's CSI; the values are identical either way.
/// </summary>
public static class SlotDraws
{
    public static void DrawSlotKernel(Index1D e, DtSyncState s)
    {
        var rng = new CounterRng(s.Seed, e, s.EpisodeIndex[e], s.Slot[e]);
        int kCount = s.Mus(e), mCount = s.Bss(e);
        float lambda = s.P(e, Lambda);
        float dLo = s.P(e, DminBits), dHi = s.P(e, DmaxBits);
        float cLo = s.P(e, CminCyclesPerBit), cHi = s.P(e, CmaxCyclesPerBit);
        float tau = s.P(e, DeadlineS), tauMax = s.P(e, DeadlineMaxS);
        float rho0 = s.P(e, Rho0), kappa = s.P(e, Kappa), phi = s.P(e, Phi), minDistance = s.P(e, MinDistanceM);
        float los = Fading.RicianLos(kappa), scatter = Fading.RicianScatter(kappa);
        for (int k = 0; k < kCount; k++)
        {
            int i = s.Mu(e, k);
            var u = rng.Uniforms(DtSyncStreams.Request, k);
            bool req = u.A <= lambda && lambda > 0f;
            s.Requested[i] = req ? (byte)1 : (byte)0;
            s.DataBits[i] = req ? dLo + (dHi - dLo) * (1f - u.B) : 0f;
            s.CyclesPerBit[i] = req ? cLo + (cHi - cLo) * (1f - u.C) : 0f;
            s.DeadlineS[i] = !req ? 0f : tauMax > tau ? tau + (tauMax - tau) * (1f - u.D) : tau;
            // One Philox block gives the complex normals of two BSs (m, m + 1): entity k·⌈M_max/2⌉ + m/2.
            float x = s.PosX[i], y = s.PosY[i];
            int blocksPerMu = (s.MMax + 1) / 2;
            for (int m = 0; m < mCount; m += 2)
            {
                rng.Normal4(DtSyncStreams.Fading, k * blocksPerMu + m / 2, out float zr0, out float zi0, out float zr1, out float zi1);
                s.Gain[s.Pair(e, k, m)] = LinkGain(s, e, m, x, y, rho0, minDistance, phi, los, scatter, zr0, zi0);
                if (m + 1 < mCount)
                    s.Gain[s.Pair(e, k, m + 1)] = LinkGain(s, e, m + 1, x, y, rho0, minDistance, phi, los, scatter, zr1, zi1);
            }
        }
    }

    /// <summary>|h|² of the link to BS m: distance power law times Rician fading from the normals (zr, zi).</summary>
    private static float LinkGain(in DtSyncState s, int e, int m, float x, float y, float rho0, float minDistance, float phi,
        float los, float scatter, float zr, float zi)
    {
        float d = PathLoss.DistanceM(x, y, s.BsX(e, m), s.BsY(e, m), minDistance);
        return PathLoss.PowerLawGain(rho0, d, phi) * Fading.RicianPower(los, scatter, zr, zi);
    }
}
