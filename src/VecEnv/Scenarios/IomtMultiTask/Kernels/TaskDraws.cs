using GpuTwin.Kernels.Random;
using ILGPU;
using static GpuTwin.VecEnv.Scenarios.IomtMultiTask.IomtParameters;

namespace GpuTwin.VecEnv.Scenarios.IomtMultiTask.Kernels;

/// <summary>
/// S1/S10: the tasks of step t, i.i.d. per (user, task) with key (episode, t): D ~ U[D_min, D_max],
/// C ~ U[C_min, C_max], P = 1 + min(⌊L_P·u⌋, L_P − 1), and the priority weight w. Padded tasks are zero.
/// </summary>
public static class TaskDraws
{
    /// <summary>onlyDone = 1 redraws only envs that were just auto-reset (their first tasks).</summary>
    public static void DrawTasksKernel(Index1D e, IomtState s, int onlyDone)
    {
        if (onlyDone != 0 && !s.Done(e)) return;
        var rng = new CounterRng(s.Seed, e, s.EpisodeIndex[e], s.Step[e]);
        float dLo = s.P(e, DMinBits), dHi = s.P(e, DMaxBits), cLo = s.P(e, CMinCycles), cHi = s.P(e, CMaxCycles);
        int levels = (int)s.P(e, PriorityLevels);
        for (int i = 0; i < s.UMax; i++)
            for (int j = 0; j < s.JMax; j++)
            {
                int t = s.Task(e, i, j);
                if (s.TaskActive[t] == 0)
                {
                    s.DataBits[t] = 0f; s.Cycles[t] = 0f; s.Priority[t] = 0; s.PrioWeight[t] = 0f;
                    continue;
                }
                int entity = i * s.JMax + j;
                float ud = rng.Uniform(IomtStreams.TaskD, entity);
                float uc = rng.Uniform(IomtStreams.TaskC, entity);
                float up = rng.Uniform(IomtStreams.TaskP, entity);
                s.DataBits[t] = dLo + (dHi - dLo) * (1f - ud);
                s.Cycles[t] = cLo + (cHi - cLo) * (1f - uc);
                int p = 1 + CounterRng.ToIndex(up, levels);
                s.Priority[t] = p;
                s.PrioWeight[t] = IomtRules.PriorityWeight(s, e, p);
            }
    }
}
