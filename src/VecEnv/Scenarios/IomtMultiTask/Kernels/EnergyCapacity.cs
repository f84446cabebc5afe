using GpuTwin.Kernels.Numerics;
using ILGPU;
using static GpuTwin.VecEnv.Scenarios.IomtMultiTask.IomtParameters;

namespace GpuTwin.VecEnv.Scenarios.IomtMultiTask.Kernels;

/// <summary>
/// S9 (C5): R_i ← R_i − Σ_j E_{i,j}; the episode terminates (a true terminal, not a truncation) in the step
/// where any active user's cumulative energy reaches Cap_i. That step's tasks are still executed and rewarded.
/// R_i is stored clamped at 0. An optional depletion penalty is charged to r_t and the depleted agent.
/// </summary>
public static class EnergyCapacity
{
    public static void EnergyCapacityKernel(Index1D e, IomtState s)
    {
        int uCount = s.Users(e), jCount = s.Tasks(e);
        float penalty = s.P(e, DepletionPenalty);
        bool terminated = false;
        for (int i = 0; i < uCount; i++)
        {
            int u = s.User(e, i);
            float spent = 0f;
            for (int j = 0; j < jCount; j++) spent += s.EnergyJ[s.Task(e, i, j)];
            float left = s.EnergyLeftJ[u] - spent;
            if (left <= 0f)
            {
                terminated = true;
                if (penalty > 0f)
                {
                    s.RewardAgent[u] -= penalty;
                    s.RewardSystem[e] -= penalty;
                }
            }
            s.EnergyLeftJ[u] = FMath.Max(left, 0f);
        }
        s.Terminated[e] = terminated ? (byte)1 : (byte)0;
    }
}
