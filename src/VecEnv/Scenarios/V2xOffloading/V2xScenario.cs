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

    private static readonly (string Name, V2xHeuristic Kind, string Description)[] Heuristics =
    [
        ("alcs", V2xHeuristic.AllLocal, "ALCS: every task computed locally"),
        ("amcs", V2xHeuristic.AllMec, "AMCS: nearest ES, full power, DT-informed equal CPU and bandwidth split"),
        ("rocs", V2xHeuristic.RandomCoin, "ROCS: fair coin per vehicle between local and AMCS"),
        ("greedy-dt", V2xHeuristic.GreedyDt, "GREEDY-DT: myopic minimum exact cost over local and every feasible ES (reference)"),
        ("random", V2xHeuristic.Random, "uniform raw actions u ~ U[-1, 1]^4 through the env's decoder"),
    ];

    public IReadOnlyList<PolicyInfo> Policies { get; } = Heuristics.Select(h => new PolicyInfo(h.Name, h.Description)).ToArray();

    public void Validate(ParameterGrid grid) => V2xEnv.Validate(grid);

    public IVecEnv CreateEnv(ComputeDevice device, ParameterGrid grid) => new V2xEnv(device, grid);

    public IVecPolicy CreatePolicy(string name, IVecEnv env, ulong seed)
    {
        var h = Heuristics.FirstOrDefault(x => x.Name == name);
        if (h.Name == null)
            throw new ParameterException($"--policy '{name}': unknown for {Id}; allowed: {string.Join("|", Heuristics.Select(x => x.Name))}");
        // The policy's random stream is keyed apart from the env's so policy draws never shift env draws.
        return new V2xBaselinePolicy((V2xEnv)env, h.Kind, h.Name, seed ^ 0x5DEECE66DUL);
    }

    public IReadOnlyList<IReadOnlyDictionary<string, object>> Trace(IVecEnv env, IVecPolicy policy, int steps, ulong seed) =>
        V2xTrace.Record((V2xEnv)env, policy, steps, seed);
}
