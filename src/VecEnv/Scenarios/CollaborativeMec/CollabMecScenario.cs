using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Policies;
using GpuTwin.VecEnv.Scenarios.CollaborativeMec.Baselines;

namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec;

/// <summary>Registry entry of <c>collab-mec</c>.</summary>
public sealed class CollabMecScenario : IScenario
{
    public string Id => CollabMecEnv.Id;
    public string Title => "Collaborative MEC: peer offloading and CPU allocation with energy harvesting and deadlines (INTO paper)";
    public string Source => "paper 002, spec collaborative_mec.md";
    public ParameterTable Parameters => CollabMecParameters.Table;

    public IReadOnlyList<ScenarioProfile> Profiles { get; } =
    [
        new("calibrated", "default: F = 0.6 GHz per BS so the CPUs bind and peer offloading matters (spec §12.1); Fig. 6b axis 0.4-1.5 GHz",
            new Dictionary<string, string>()),
        new("paper-literal", "the paper's F = 5 GHz per BS, everything else identical; the CPUs never bind, so OLNPO = LPWPO = GGPO (spec §8, §11)",
            new Dictionary<string, string> { ["cpu_hz"] = "5e9" }),
    ];

    private static readonly HeuristicTable<MecHeuristic> Heuristics = new(
    [
        ("random", MecHeuristic.Random, "B0: x̂, ŷ, ŵ ~ U[0, 1) per device slot (the floor)"),
        ("offload-all-home", MecHeuristic.OffloadAllHome, "B1: every device offloads to its home BS"),
        ("olnpo", MecHeuristic.Olnpo, "B2 (paper): greedy admission by static priority, home BS only (no peer offloading)"),
        ("lpwpo", MecHeuristic.Lpwpo, "B3 (paper): OLNPO, then CPU-rejected tasks of saturated BSs to non-saturated peers"),
        ("ggpo", MecHeuristic.Ggpo, "B4: one global greedy pass, home first then peers by load (upper reference for INTO)"),
    ]);

    public IReadOnlyList<PolicyInfo> Policies => Heuristics.Policies;

    public void Validate(ParameterGrid grid) => CollabMecEnv.Validate(grid);

    public IVecEnv CreateEnv(ComputeDevice device, ParameterGrid grid) => new CollabMecEnv(device, grid);

    public IVecPolicy CreatePolicy(string name, IVecEnv env, ulong seed) =>
        new CollabMecBaselinePolicy((CollabMecEnv)env, Heuristics.Find(Id, name), name, HeuristicTable<MecHeuristic>.PolicySeed(seed));

    public IReadOnlyList<IReadOnlyDictionary<string, object>> Trace(IVecEnv env, IVecPolicy policy, int steps, ulong seed) =>
        CollabMecTrace.Record((CollabMecEnv)env, policy, steps, seed);
}
