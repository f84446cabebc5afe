using ILGPU;
using static GpuTwin.VecEnv.Scenarios.CollaborativeMec.CollabMecParameters;

namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec.Kernels;

/// <summary>S7: the income r(t) = Σ_{i,j} g·Completed (eq. 11), per home BS then summed over BSs in order.</summary>
public static class Income
{
    /// <summary>One thread per (env, home BS i): Σ_j g_ij·Completed_ij in ascending j.</summary>
    public static void HomeIncomeKernel(Index1D c, CollabMecState s)
    {
        int e = c / s.NMax, i = c - e * s.NMax;
        float sum = 0f;
        for (int j = 0; j < s.UMax; j++)
        {
            int d = s.Dev(e, i, j);
            if (s.Completed[d] != 0) sum += s.Award[d];
        }
        s.HomeIncome[c] = sum;
    }

    /// <summary>One thread per env: r(t), and the per-bs agent rewards (the shared income, or RewardSplit = HomeIncome).</summary>
    public static void RewardKernel(Index1D e, CollabMecState s)
    {
        float r = 0f;
        for (int i = 0; i < s.NMax; i++) r += s.HomeIncome[s.Bs(e, i)];
        s.Reward[e] = r;
        bool home = s.P(e, RewardSplit) == RewardHomeIncome;
        for (int i = 0; i < s.NMax; i++) s.AgentReward[s.Bs(e, i)] = home ? s.HomeIncome[s.Bs(e, i)] : r;
    }
}
