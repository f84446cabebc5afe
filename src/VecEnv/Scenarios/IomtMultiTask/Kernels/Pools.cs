using ILGPU;
using static GpuTwin.VecEnv.Scenarios.IomtMultiTask.IomtParameters;

namespace GpuTwin.VecEnv.Scenarios.IomtMultiTask.Kernels;

/// <summary>
/// S2–S4: executed targets, the pool sums (each user's local CPU, each server's CPU and bandwidth) and the
/// grants f, b of every task under the share mapping (spec §5): X·x̂·min(1, 1/S) by default, so no pool
/// ever grants more than its capacity. Also writes this step's server loads and the action mask.
/// </summary>
public static class Pools
{
    public static void PoolsKernel(Index1D e, IomtState s)
    {
        int uCount = s.Users(e), jCount = s.Tasks(e), kCount = s.Servers(e);
        float floor = s.P(e, ShareFloor);
        for (int k = 0; k < s.KMax; k++)
        {
            int m = s.Server(e, k);
            s.ServerLoadTasks[m] = 0f;
            s.ServerCpuDemand[m] = 0f;
            s.ServerBwDemand[m] = 0f;
        }

        // S3: pool sums.
        for (int i = 0; i < uCount; i++)
        {
            float localSum = 0f, localTasks = 0f;
            for (int j = 0; j < jCount; j++)
            {
                int t = s.Task(e, i, j);
                int target = IomtRules.LegalTarget(s.TargetAction[t], kCount);
                s.Target[t] = target;
                float xf = IomtRules.ClampShare(s.ShareAction[2 * t], floor);
                if (target == 0)
                {
                    localSum += xf;
                    localTasks += 1f;
                }
                else
                {
                    int m = s.Server(e, target - 1);
                    s.ServerLoadTasks[m] += 1f;
                    s.ServerCpuDemand[m] += xf;
                    s.ServerBwDemand[m] += IomtRules.ClampShare(s.ShareAction[2 * t + 1], floor);
                }
            }
            s.LocalCpuDemand[s.User(e, i)] = localSum;
            s.LocalTasks[s.User(e, i)] = localTasks;
        }

        // S4: grants.
        bool normalise = (int)s.P(e, ShareMapping) == ShareNormalise;
        float fUser = s.P(e, UserCpuHz), fServer = s.P(e, ServerCpuHz), bServer = s.P(e, ServerBwHz);
        int maskWidth = 3 * s.JMax;
        for (int i = 0; i < s.UMax; i++)
        {
            int u = s.User(e, i);
            for (int j = 0; j < s.JMax; j++)
            {
                int t = s.Task(e, i, j);
                int mo = u * maskWidth;
                bool active = i < uCount && j < jCount;
                if (!active)
                {
                    s.Target[t] = 0; s.CpuHz[t] = 0f; s.BwHz[t] = 0f;
                    s.ActionMask[mo + j] = 0; s.ActionMask[mo + s.JMax + 2 * j] = 0; s.ActionMask[mo + s.JMax + 2 * j + 1] = 0;
                    continue;
                }
                int target = s.Target[t];
                float xf = IomtRules.ClampShare(s.ShareAction[2 * t], floor);
                if (target == 0)
                {
                    s.CpuHz[t] = IomtRules.Grant(fUser, xf, s.LocalCpuDemand[u], normalise);
                    s.BwHz[t] = 0f;
                }
                else
                {
                    int m = s.Server(e, target - 1);
                    float xb = IomtRules.ClampShare(s.ShareAction[2 * t + 1], floor);
                    s.CpuHz[t] = IomtRules.Grant(fServer, xf, s.ServerCpuDemand[m], normalise);
                    s.BwHz[t] = IomtRules.Grant(bServer, xb, s.ServerBwDemand[m], normalise);
                }
                s.ActionMask[mo + j] = 1;
                s.ActionMask[mo + s.JMax + 2 * j] = 1;
                s.ActionMask[mo + s.JMax + 2 * j + 1] = target != 0 ? (byte)1 : (byte)0;
            }
        }
    }
}
