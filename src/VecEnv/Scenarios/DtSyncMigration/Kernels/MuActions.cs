using ILGPU;
using static GpuTwin.VecEnv.Scenarios.DtSyncMigration.DtSyncParameters;

namespace GpuTwin.VecEnv.Scenarios.DtSyncMigration.Kernels;

/// <summary>S2: association α and transmit power p = P_max·x_p from the MU actions.</summary>
public static class MuActions
{
    public static void ApplyMuActionsKernel(Index1D e, DtSyncState s)
    {
        int kCount = s.Mus(e);
        float pMax = s.P(e, PmaxW);
        for (int k = 0; k < kCount; k++)
        {
            int i = s.Mu(e, k);
            s.Assoc[i] = DtSyncRules.Association(s, e, k);
            float x = s.MuPowerAction[i];
            if (!(x > 0f)) x = 0f;          // also maps NaN to 0: a broken policy cannot inject NaN
            else if (x > 1f) x = 1f;
            s.TxPowerW[i] = pMax * x;
        }
    }
}
