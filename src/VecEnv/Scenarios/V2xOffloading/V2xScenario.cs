using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Policies;
using GpuTwin.VecEnv.Scenarios.V2xOffloading.Baselines;

namespace GpuTwin.VecEnv.Scenarios.V2xOffloading;

/// <summary>Registry entry of <c>v2x</c>.</summary>
public sealed class V2xScenario : IScenario
{
    public string Id => V2xEnv.Id;
    public string Title => "Cloud-edge-vehicle offloading with a sequentially updated digital twin (DT-MADDPG paper)";
    public string Source => "paper 000, spec v2x_offloading.md";
    public ParameterTable Parameters => V2xParameters.Table;

    public IReadOnlyList<ScenarioProfile> Profiles { get; } =
    [
        new("default", "spec Extended profile: Jakes channel aging (f_c 5.9 GHz, τ_fb 0.25 ms) and a 5 ms per-offload overhead on", new Dictionary<string, string>()),
        new("paper-literal", "the paper's physics: no channel aging, no per-offload overhead (spec §11 paper-literal checks)",
            new Dictionary<string, string> { ["channel_aging"] = "none", ["offload_overhead_s"] = "0" }),
        new("fig8", "Fig. 8 axis: every ES at f_max_hz (sweep f_max_hz=5e9,10e9,15e9,20e9,25e9)",
            new Dictionary<string, string> { ["f_max_mode"] = "fixed" }),
    ];

    private static readonly HeuristicTable<V2xHeuristic> Heuristics = new(
    [
        ("alcs", V2xHeuristic.AllLocal, "ALCS: every task computed locally"),
        ("amcs", V2xHeuristic.AllMec, "AMCS: nearest ES, full power, DT-informed equal CPU and bandwidth split"),
        ("rocs", V2xHeuristic.RandomCoin, "ROCS: fair coin per vehicle between local and AMCS"),
        ("greedy-dt", V2xHeuristic.GreedyDt, "GREEDY-DT: myopic minimum exact cost over local and every feasible ES (reference)"),
        ("random", V2xHeuristic.Random, "uniform raw actions u ~ U[-1, 1]^4 through the env's decoder"),
    ]);

    public IReadOnlyList<PolicyInfo> Policies => Heuristics.Policies;

    public void Validate(ParameterGrid grid) => V2xEnv.Validate(grid);

    public IVecEnv CreateEnv(ComputeDevice device, ParameterGrid grid) => new V2xEnv(device, grid);

    public IVecPolicy CreatePolicy(string name, IVecEnv env, ulong seed)
    {
        return new V2xBaselinePolicy((V2xEnv)env, Heuristics.Find(Id, name), name, HeuristicTable<V2xHeuristic>.PolicySeed(seed));
    }

    public IReadOnlyList<IReadOnlyDictionary<string, object>> Trace(IVecEnv env, IVecPolicy policy, int steps, ulong seed) =>
        V2xTrace.Record((V2xEnv)env, policy, steps, seed);
}
