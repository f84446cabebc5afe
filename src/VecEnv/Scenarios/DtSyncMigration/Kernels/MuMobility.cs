using GpuTwin.Kernels.Mobility;
using GpuTwin.Kernels.Random;
using ILGPU;
using static GpuTwin.VecEnv.Scenarios.DtSyncMigration.DtSyncParameters;

namespace GpuTwin.VecEnv.Scenarios.DtSyncMigration.Kernels;

/// <summary>
/// S15: Gauss-Markov mobility (eqs. 1–4): move with the previous speed and heading, handle the border,
/// then draw the new speed (clamped ≥ 0) and heading. Heading stays unwrapped.
/// </summary>
public static class MuMobility
{
    public static void MoveMusKernel(Index1D e, DtSyncState s)
    {
        var rng = new CounterRng(s.Seed, e, s.EpisodeIndex[e], s.Slot[e]);
        int kCount = s.Mus(e);
        float dt = s.P(e, SlotS), w = s.P(e, AreaM);
        float mu1 = s.P(e, Mu1), mu2 = s.P(e, Mu2);
        float vStd = s.P(e, SpeedNoiseStdMps), vMean = s.P(e, SpeedNoiseMeanMps);
        float hStd = s.P(e, HeadingNoiseStdRad), hMean = s.P(e, HeadingNoiseMeanRad);
        var border = (BorderMode)(int)s.P(e, Border);
        for (int k = 0; k < kCount; k++)
        {
            int i = s.Mu(e, k);
            float x = s.PosX[i], y = s.PosY[i], heading = s.Heading[i], meanHeading = s.MeanHeading[i];
            GaussMarkov.Move(ref x, ref y, s.Speed[i], heading, dt);
            AreaBorder.Apply(border, ref x, ref y, ref heading, ref meanHeading, w, w);
            rng.Normal2(DtSyncStreams.Mobility, k, out float z0, out float z1);
            float v = GaussMarkov.Update(s.Speed[i], s.MeanSpeed[i], mu1, vMean + vStd * z0);
            s.Speed[i] = v > 0f ? v : 0f;
            s.Heading[i] = GaussMarkov.Update(heading, meanHeading, mu2, hMean + hStd * z1);
            s.MeanHeading[i] = meanHeading;
            s.PosX[i] = x;
            s.PosY[i] = y;
        }
    }
}
