using GpuTwin.Kernels.Runtime;
using GpuTwin.Tests.Common;
using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Policies;
using GpuTwin.VecEnv.Scenarios.CollaborativeMec;
using ILGPU.Runtime;

namespace GpuTwin.Tests.CollabMec;

/// <summary>Builds small collab-mec batches and writes proto-actions (stepping and reading state: <see cref="ScenarioBed"/>).</summary>
public static class CollabMecTestBed
{
    public static readonly CollabMecScenario Scenario = new();

    public static ParameterGrid Grid(int envsPerCell, (string Key, double Value)[] set, params Sweep[] sweeps) =>
        ScenarioBed.Grid(CollabMecParameters.Table, envsPerCell, set, sweeps);

    public static Sweep SweepOf(string text) => Sweep.Parse(CollabMecParameters.Table, text);

    public static CollabMecEnv Env(ComputeDevice device, int envs, params (string Key, double Value)[] set) => new(device, Grid(envs, set));

    public static IVecPolicy Policy(CollabMecEnv env, string name, ulong seed = 1) => Scenario.CreatePolicy(name, env, seed);

    /// <summary>Writes a proto-action [E, N, U, N + 2] built per (env, bs, device) slot.</summary>
    public static void SetProto(CollabMecEnv env, Func<int, int, int, float[]> slot)
    {
        int n = env.NMax, u = env.UMax, w = n + 2;
        var data = new float[env.NumEnvs * n * u * w];
        for (int e = 0; e < env.NumEnvs; e++)
            for (int i = 0; i < n; i++)
                for (int j = 0; j < u; j++)
                {
                    var v = slot(e, i, j);
                    Array.Copy(v, 0, data, ((e * n + i) * u + j) * w, w);
                }
        env.Actions(0).Continuous.View.CopyFromCPU(data);
    }

    /// <summary>The proto-action slot "offload to BS b with CPU weight w" (x̂ = 1, ŷ = onehot(b)), or all zeros (discard) for b &lt; 0.</summary>
    public static float[] OffloadTo(int n, int b, float weight = 1f)
    {
        var v = new float[n + 2];
        if (b < 0) return v;
        v[0] = 1f;
        v[1 + b] = 1f;
        v[n + 1] = weight;
        return v;
    }

    /// <summary>Uniform proto-actions in [0, 1] from a seeded generator (tests only; the env's own draws are counter-based).</summary>
    public static void SetRandomProto(CollabMecEnv env, int seed)
    {
        var rng = new System.Random(seed);
        var data = new float[env.NumEnvs * env.ProtoLength];
        for (int k = 0; k < data.Length; k++) data[k] = (float)rng.NextDouble();
        env.Actions(0).Continuous.View.CopyFromCPU(data);
    }
}
