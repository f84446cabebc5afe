using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Running;
using GpuTwin.VecEnv.Scenarios.IomtMultiTask;
using static GpuTwin.Tests.Iomt.IomtTestBed;

namespace GpuTwin.Tests.Iomt;

/// <summary>Energy capacity (C5), termination vs truncation and the auto-reset of spec §2 / §6 S9–S11.</summary>
public class EpisodeTests
{
    [Fact]
    public void Episodes_TerminateExactlyInTheStepADeviceIsExhausted_ThenAutoReset()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 8, ("layout_key", 1));
        var pol = Policy(env, "all-offload-best");
        int u = env.UMax, j = env.JMax, n = env.NumEnvs;
        env.Reset(21);
        int terminations = 0;
        var episodeBefore = Read(env.State.EpisodeIndex);
        for (int t = 0; t < 120; t++)
        {
            var leftBefore = Read(env.State.EnergyLeftJ);
            var stepBefore = Read(env.State.Step);
            PolicyRunner.Act(env, pol, t);
            env.Resolve();
            var energy = Read(env.State.EnergyJ);
            var rewardBefore = Read(env.Reward(0));
            env.Advance();
            device.Synchronize();
            var term = Read(env.Terminated); var trunc = Read(env.Truncated);
            var finalObs = Read(env.FinalObservation); var finalGlobal = Read(env.FinalGlobalState);
            var left = Read(env.State.EnergyLeftJ); var episode = Read(env.State.EpisodeIndex); var step = Read(env.State.Step);
            for (int e = 0; e < n; e++)
            {
                bool depleted = false;
                var fracs = new float[u];
                for (int i = 0; i < u; i++)
                {
                    float spent = 0f;
                    for (int k = 0; k < j; k++) spent += energy[(e * u + i) * j + k];
                    float l = leftBefore[e * u + i] - spent;
                    depleted |= l <= 0f;
                    fracs[i] = Math.Max(l, 0f) / 0.1f;
                }
                Assert.Equal(depleted, term[e] != 0);
                Assert.False(term[e] != 0 && trunc[e] != 0, "terminated and truncated at once");
                Assert.Equal(trunc[e] != 0, !depleted && stepBefore[e] + 1 == 50);
                if (term[e] != 0 || trunc[e] != 0)
                {
                    if (term[e] != 0) terminations++;
                    Assert.Equal(episodeBefore[e] + 1, episode[e]);
                    Assert.Equal(0, step[e]);
                    for (int i = 0; i < u; i++)
                    {
                        Assert.Equal(0.1f, left[e * u + i]);                                        // R ← Cap
                        Assert.Equal(fracs[i], finalObs[(e * u + i) * env.State.ObsSize + 3 * j + 1], 1e-6); // o_{t+1} keeps the post-step R
                        Assert.Equal(fracs[i], finalGlobal[e * env.State.GlobalSize + 3 * i + 1], 1e-6);
                    }
                }
                else Assert.Equal(stepBefore[e] + 1, step[e]);
                Assert.True(rewardBefore[e] > 0); // the terminal step's tasks are still rewarded
            }
            episodeBefore = episode;
        }
        Assert.True(terminations >= 8, $"all-offload-best should deplete (spec §9); got {terminations} terminations");
    }

    [Fact]
    public void AfterAutoReset_TheMixerSeesNoPreviousLoads_AndFullEnergy()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 2, ("episode_steps", 3));
        var pol = Policy(env, "all-offload-best");
        Run(env, pol, 2, 1);
        env.ObserveGlobal();
        var g = Read(env.GlobalState);
        int gs = env.State.GlobalSize, u = env.UMax, k = env.KMax;
        Assert.True(Enumerable.Range(0, k).Sum(m => g[3 * u + 5 * m + 2]) > 0.99); // step 1: all tasks were offloaded at step 0
        PolicyRunner.Act(env, pol, 2);
        env.Step();
        env.ObserveGlobal();
        device.Synchronize();
        Assert.All(Read(env.Truncated), x => Assert.Equal(1, x));
        g = Read(env.GlobalState);
        for (int e = 0; e < 2; e++)
        {
            for (int m = 0; m < k; m++)
                for (int f = 2; f < 5; f++) Assert.Equal(0f, g[e * gs + 3 * u + 5 * m + f]);
            for (int i = 0; i < u; i++) Assert.Equal(1f, g[e * gs + 3 * i + 1]);
            Assert.Equal(0f, g[e * gs + gs - 1]);
            var fg = Read(env.FinalGlobalState);
            Assert.Equal(1f, fg[e * gs + gs - 1]); // t/T_ep = 3/3 in the bootstrap state
        }
    }

    [Fact]
    public void AllLocal_NeverDepletes_AndIsTruncatedEveryEpisodeSteps()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 4, ("episode_steps", 10));
        var results = PolicyRunner.Run(env, Policy(env, "all-local"), 35, 4);
        Assert.Equal(12, results[0].Totals[IomtCounters.Episodes]);
        Assert.Equal(0, results[0].Totals[IomtCounters.Terminations]);
        Assert.Equal(10, results[0].Metrics["episode_length"]);
    }

    [Fact]
    public void DepletionPenalty_IsChargedOnce_InTheTerminalStep()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        double Return(double penalty)
        {
            using var env = Env(device, 4, ("depletion_penalty", penalty), ("cap_j", 0.005));
            var r = PolicyRunner.Run(env, Policy(env, "all-offload-best"), 3, 2);
            Assert.True(r[0].Totals[IomtCounters.Terminations] >= 4);
            return r[0].Totals[IomtCounters.RewardSystem] / r[0].Totals[IomtCounters.Terminations];
        }
        double diff = Return(0) - Return(10);
        Assert.True(diff >= 10 - 1e-3, $"penalty per termination {diff}");
    }

    [Theory]
    [InlineData(IomtParameters.TerminalDepleted, 0)]
    [InlineData(IomtParameters.TerminalLookahead, 1)]
    public void LookaheadRule_TerminatesWhenTheNextTasksCannotBeRun(int rule, byte expected)
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        // One task offloaded on the whole band spends ≈ 0.1 mJ of Cap = 1 mJ; with k0 = 1e-20 the least energy of the
        // next task at x_min is 1e-20 · (1e6)² · C ≥ 1 mJ > R.
        using var env = Env(device, 2, ("users", 1), ("tasks", 1), ("servers", 1), ("k0", 1e-20), ("cap_j", 0.001), ("terminal_rule", rule));
        SetActions(env, 1, 1f, 1f);
        env.Reset(3);
        env.Step();
        device.Synchronize();
        Assert.All(Read(env.Terminated), x => Assert.Equal(expected, x));
    }
}
