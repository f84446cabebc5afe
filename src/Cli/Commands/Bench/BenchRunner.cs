using GpuTwin.VecEnv.Running;
using System.Diagnostics;
using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv;
using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Scenarios;

namespace GpuTwin.Cli.Commands.Bench;

/// <summary>One measured batch size.</summary>
public sealed record BenchRow(int Envs, long Steps, double Seconds, int AgentsPerEnv, long StateBytes)
{
    public double EnvStepsPerSecond => Envs * (double)Steps / Seconds;
    public double AgentStepsPerSecond => EnvStepsPerSecond * AgentsPerEnv;
    /// <summary>Device memory of the batch per env, in bytes.</summary>
    public double StateBytesPerEnv => StateBytes / (double)Envs;
    /// <summary>
    /// The batch's memory footprint times the step rate, in GB/s: the traffic if every step read the whole state
    /// once. A yardstick against the device's memory bandwidth, not a measured byte count.
    /// </summary>
    public double FootprintGBps => StateBytesPerEnv * EnvStepsPerSecond / 1e9;
}

/// <summary>
/// Env-only stepping throughput: per batch size, a fresh batch with a baseline's actions written once (Step never
/// writes the action buffers, so re-stepping is valid), a few untimed warm-up steps, then steps for a time budget.
/// </summary>
public static class BenchRunner
{
    /// <summary>Untimed steps before the clock starts, at least (kernel compilation on CUDA happens in the first).</summary>
    public const int WarmupSteps = 3;
    /// <summary>
    /// Untimed warm-up of the first batch size. The .NET JIT promotes the hot kernel code to optimised code only
    /// after it has run for a while (tiered compilation: ~0.1 s of quiet after 30 calls, then a background
    /// compile); measured on the host path, 0.1 s of warm-up still times unoptimised code (~10x slower) and
    /// 1 s does not. That code is shared by every batch size, so later sizes need only a short warm-up.
    /// </summary>
    public const double FirstWarmupSeconds = 1.0;
    /// <summary>Untimed warm-up of every later batch size, at most (caches, thread pool, allocations).</summary>
    public const double LaterWarmupSeconds = 0.25;

    /// <summary>The largest number of steps between two synchronizations (and clock reads).</summary>
    public const int MaxChunk = 1024;

    public static double WarmupSeconds(int sizeIndex, double budgetSeconds) =>
        sizeIndex == 0 ? FirstWarmupSeconds : Math.Min(budgetSeconds, LaterWarmupSeconds);

    public static BenchRow Measure(IScenario scenario, ComputeDevice device, ParameterGrid grid, string policyName, ulong seed,
        double budgetSeconds, double warmupSeconds)
    {
        using var env = scenario.CreateEnv(device, grid);
        env.Reset(seed);
        var policy = scenario.CreatePolicy(policyName, env, seed);
        try
        {
            PolicyRunner.Act(env, policy, 0);
        }
        finally
        {
            (policy as IDisposable)?.Dispose();
        }

        // Warm-up (see FirstWarmupSeconds): CUDA compiles the kernels in the first step, the JIT tiers up later.
        var warm = Stopwatch.StartNew();
        for (int i = 0; i < WarmupSteps || warm.Elapsed.TotalSeconds < warmupSeconds; i++)
        {
            env.Step();
            if (i % 8 == 7) device.Synchronize();
        }
        device.Synchronize();

        // Chunks grow so that clock reads and synchronizations stay rare, and shrink near the end of the budget.
        long steps = 0;
        int chunk = 1;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            for (int i = 0; i < chunk; i++) env.Step();
            device.Synchronize();
            steps += chunk;
            double elapsed = clock.Elapsed.TotalSeconds;
            if (elapsed >= budgetSeconds) break;
            double perStep = elapsed / steps;
            chunk = (int)Math.Clamp((budgetSeconds - elapsed) / perStep / 2, 1, MaxChunk);
        }
        return new BenchRow(grid.NumEnvs, steps, clock.Elapsed.TotalSeconds, env.Spec.AgentsPerEnv, env.StateBytes);
    }
}
