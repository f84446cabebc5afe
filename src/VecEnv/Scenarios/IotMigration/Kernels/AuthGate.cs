using ILGPU;
using R = GpuTwin.VecEnv.Scenarios.IotMigration.IotMigrationRules;

namespace GpuTwin.VecEnv.Scenarios.IotMigration.Kernels;

/// <summary>
/// S4: a requester that offloads to a server it holds no session with must authenticate. A user whose join
/// verification failed (AuthOk = 0) is refused: Refused = 1 until the next reset, LOCAL now, and the failure
/// latency is charged in S8. Users with AuthOk = 1 handshake in S8 unless they fall into rate outage first.
/// </summary>
public static class AuthGate
{
    public static void AuthGateKernel(Index1D e, IotMigrationState s)
    {
        int n = s.NReq[e], row = e * s.UMax;
        for (int q = 0; q < n; q++)
        {
            int u = s.User(e, s.Order[row + q]);
            int a = s.ActionEff[u];
            if (a == 0 || a == R.NoTask) continue;
            if ((s.SessionMask[u] & (1u << s.Serving[u])) != 0u) continue;
            if (s.AuthOk[u] != 0) continue;
            s.Refused[u] = 1;
            s.RefusedNow[u] = 1;
            s.ActionEff[u] = 0;
        }
    }
}
