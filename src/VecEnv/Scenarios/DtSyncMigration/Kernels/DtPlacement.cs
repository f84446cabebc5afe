using ILGPU;
using static GpuTwin.VecEnv.Scenarios.DtSyncMigration.DtSyncParameters;

namespace GpuTwin.VecEnv.Scenarios.DtSyncMigration.Kernels;

/// <summary>
/// S3, the large timescale: at a frame start the CC's proposal becomes the DT placement β(q); a changed
/// host starts a migration that blocks the MU for G slots; the frame's queue snapshot Y[qT] is taken.
/// Every slot the proposal is recorded (it only takes effect at frame starts).
/// </summary>
public static class DtPlacement
{
    public static void ApplyPlacementKernel(Index1D e, DtSyncState s)
    {
        int kCount = s.Mus(e), mCount = s.Bss(e);
        bool frameStart = DtSyncRules.IsFrameStart(s, e);
        int g = DtSyncRules.MigrationSlots(s, e);
        int migrations = 0;
        for (int k = 0; k < kCount; k++)
        {
            int i = s.Mu(e, k);
            int proposal = DtSyncRules.ClampBs(s.CcProposalAction[i], mCount);
            s.DtProposal[i] = proposal;
            if (frameStart)
            {
                int old = s.DtHost[i];
                s.DtHostPrev[i] = old;
                s.DtHost[i] = proposal;
                if (proposal != old)
                {
                    migrations++;
                    s.MigCountdown[i] = g;
                }
                s.VQueueFrame[i] = s.VQueue[i];
            }
            s.Blocked[i] = s.MigCountdown[i] > 0 ? (byte)1 : (byte)0;
        }
        s.FrameMigrations[e] = migrations;
    }
}
