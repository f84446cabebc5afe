using ILGPU;
using static GpuTwin.VecEnv.Scenarios.IotMigration.IotMigrationParameters;
using R = GpuTwin.VecEnv.Scenarios.IotMigration.IotMigrationRules;

namespace GpuTwin.VecEnv.Scenarios.IotMigration.Kernels;

/// <summary>
/// S9 (spec §7): r_i = 1/max(T_proc, T_floor) for every requester (refused ones included), or −T/Z; the
/// cluster-mean and global-mean modes replace it by its mean over the requesters with the same serving server
/// or of the whole env. Reward stream 0 is the mean r_i over the env's requesters (0 in a slot without any).
/// </summary>
public static class Rewards
{
    public static void RewardKernel(Index1D e, IotMigrationState s)
    {
        int mode = (int)s.P(e, RewardMode);
        float floor = s.P(e, TFloorS), z = s.P(e, DeadlineS);
        bool penalty = s.P(e, DeadlinePenalty) != 0f;
        int n = s.NReq[e], row = e * s.UMax;
        for (int m = 0; m < s.NMax; m++) s.ClusterReward[s.Server(e, m)] = 0f;
        for (int q = 0; q < n; q++)
        {
            int u = s.User(e, s.Order[row + q]);
            float r = R.Reward(s.TProc[u], floor, z, mode == RewardNegLatency, penalty);
            s.UserReward[u] = r;
        }
        // Sums in index order of the servers / users, so every backend adds in the same order.
        float sum = 0f;
        for (int i = 0; i < s.UMax; i++)
        {
            int u = s.User(e, i);
            if (s.Action[u] == R.NoTask) continue;
            sum += s.UserReward[u];
            s.ClusterReward[s.Server(e, s.Serving[u])] += s.UserReward[u];
        }
        if (mode == RewardClusterMean || mode == RewardGlobalMean)
        {
            for (int i = 0; i < s.UMax; i++)
            {
                int u = s.User(e, i);
                if (s.Action[u] == R.NoTask) continue;
                int j = s.Serving[u];
                s.UserReward[u] = mode == RewardGlobalMean ? sum / n : s.ClusterReward[s.Server(e, j)] / s.ReqServing[s.Server(e, j)];
            }
            sum = 0f;
            for (int i = 0; i < s.UMax; i++)
            {
                int u = s.User(e, i);
                if (s.Action[u] != R.NoTask) sum += s.UserReward[u];
            }
        }
        s.RewardEnv[e] = n > 0 ? sum / n : 0f;
    }
}
