using ILGPU;
using static GpuTwin.VecEnv.Scenarios.IomtMultiTask.IomtParameters;

namespace GpuTwin.VecEnv.Scenarios.IomtMultiTask.Kernels;

/// <summary>S10: the clock advances; after the next tasks are drawn the episode end is decided.</summary>
public static class Clock
{
    /// <summary>t ← t + 1 and the episode return accumulates r_t.</summary>
    public static void AdvanceClockKernel(Index1D e, IomtState s)
    {
        s.Step[e] = s.Step[e] + 1;
        s.EpisodeReturn[e] += s.RewardSystem[e];
    }

    /// <summary>
    /// After the draw of the next tasks: the optional look-ahead terminal rule (a user whose R_i cannot run its
    /// new tasks locally at x_min terminates the step just executed), then truncation at T_ep when not terminated.
    /// </summary>
    public static void EpisodeEndKernel(Index1D e, IomtState s)
    {
        if ((int)s.P(e, TerminalRule) == TerminalLookahead && s.Terminated[e] == 0)
        {
            int uCount = s.Users(e), jCount = s.Tasks(e);
            float k0 = s.P(e, K0), f = s.P(e, ShareFloor) * s.P(e, UserCpuHz);
            for (int i = 0; i < uCount; i++)
            {
                float least = 0f;
                for (int j = 0; j < jCount; j++) least += k0 * f * f * s.Cycles[s.Task(e, i, j)];
                if (s.EnergyLeftJ[s.User(e, i)] < least) s.Terminated[e] = 1;
            }
        }
        s.Truncated[e] = s.Terminated[e] == 0 && s.Step[e] >= (int)s.P(e, EpisodeSteps) ? (byte)1 : (byte)0;
    }
}
