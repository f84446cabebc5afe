using static GpuTwin.VecEnv.Scenarios.IotMigration.IotMigrationParameters;

namespace GpuTwin.VecEnv.Scenarios.IotMigration.Kernels;

/// <summary>
/// The tabular states of spec §5.3 for every active user of one env, from the DT view of the slot about to be
/// decided: s^IL = 3r + z and s^J = ((3r + z)·5 + ℓ1)·5 + ℓ2, with n = ReqServing[j] − a_i + 1 so the bin is
/// defined whether or not the user requests. Padded users get 0.
/// </summary>
public static class TabularObservations
{
    public static void Update(in IotMigrationState s, int e)
    {
        int uCount = s.Users(e);
        float mean = s.P(e, TaskMeanBits), spread = s.P(e, TaskSpread);
        for (int i = 0; i < s.UMax; i++)
        {
            int u = s.User(e, i);
            if (i >= uCount) { s.ObsIl[u] = 0; s.ObsJal[u] = 0; continue; }
            int ring = IotMigrationRules.RingBin(s.DistRatio[u]);
            int size = IotMigrationRules.SizeBin(s.TaskBits[u], mean, spread);
            int own = s.ReqServing[s.Server(e, s.Serving[u])] - s.Requested[u] + 1;
            int tgt = s.Target[u] == s.Serving[u] ? 0 : s.ReqServing[s.Server(e, s.Target[u])];
            int il = IotMigrationRules.ObsIl(ring, size);
            s.ObsIl[u] = (byte)il;
            s.ObsJal[u] = IotMigrationRules.ObsJal(il, IotMigrationRules.OwnLoadBin(own), IotMigrationRules.TargetLoadBin(tgt));
        }
    }
}
