using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Running;
using GpuTwin.VecEnv.Scenarios.CollaborativeMec;
using static GpuTwin.Tests.CollabMec.CollabMecTestBed;

namespace GpuTwin.Tests.CollabMec;

/// <summary>
/// Baseline runs with paired seeds (spec §11): every configuration runs as its own batch with the same seed and
/// env indices, so env e sees identical tasks, channels and harvests at every x. Results are cached per
/// (policy, settings), so tests that share a point (e.g. the defaults) run it once.
/// </summary>
public static class PairedRuns
{
    public const int Envs = 6, Slots = 150;
    public const ulong Seed = 2026;

    private static readonly Dictionary<string, IReadOnlyDictionary<string, double[]>> Cache = [];
    private static readonly object Gate = new();

    /// <summary>Per-env metrics (each env's own ratio of sums) of one policy at one configuration.</summary>
    public static IReadOnlyDictionary<string, double[]> Metrics(string policy, params (string Key, double Value)[] set)
    {
        string key = policy + "|" + string.Join(",", set.Select(s => $"{s.Key}={s.Value:R}"));
        lock (Gate)
        {
            if (Cache.TryGetValue(key, out var hit)) return hit;
            using var device = ComputeDevice.Create(DeviceKind.Cpu);
            using var env = Env(device, Envs, set);
            using var p = (CollabMecBaselinePolicy)Policy(env, policy, Seed);
            PolicyRunner.Run(env, p, Slots, Seed);
            var totals = Read(env.CounterTotals);
            var counters = env.Spec.Counters;
            int c = counters.Count;
            var result = new Dictionary<string, double[]>();
            foreach (var m in counters.Metrics) result[m.Name] = new double[Envs];
            for (int e = 0; e < Envs; e++)
            {
                var row = counters.Evaluate(totals.AsSpan(e * c, c));
                foreach (var (name, value) in row) result[name][e] = value;
            }
            Cache[key] = result;
            return result;
        }
    }

    public static double Mean(string policy, string metric, params (string Key, double Value)[] set) => Metrics(policy, set)[metric].Average();

    /// <summary>Mean and standard error of the paired differences b − a of a metric over the envs.</summary>
    public static (double Mean, double StdErr) PairedDiff(string metric, (string Policy, (string, double)[] Set) a, (string Policy, (string, double)[] Set) b)
    {
        var x = Metrics(a.Policy, a.Set)[metric];
        var y = Metrics(b.Policy, b.Set)[metric];
        var d = x.Zip(y, (u, v) => v - u).ToArray();
        double mean = d.Average();
        double var = d.Sum(v => (v - mean) * (v - mean)) / (d.Length - 1);
        return (mean, Math.Sqrt(var / d.Length));
    }
}
