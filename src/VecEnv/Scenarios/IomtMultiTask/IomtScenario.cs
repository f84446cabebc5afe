using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Policies;
using GpuTwin.VecEnv.Scenarios.IomtMultiTask.Baselines;

namespace GpuTwin.VecEnv.Scenarios.IomtMultiTask;

/// <summary>Registry entry of <c>iomt</c>.</summary>
public sealed class IomtScenario : IScenario
{
    public string Id => IomtEnv.Id;
    public string Title => "Multi-task IoMT offloading with priorities and hybrid actions (MPMT-DQN / SAE-QMIX paper)";
    public string Source => "paper 004, spec iomt_multitask.md";
    public ParameterTable Parameters => IomtParameters.Table;

    public IReadOnlyList<ScenarioProfile> Profiles { get; } =
    [
        new("default", "spec resolutions: log-distance path loss, capped cost, cost^max = α^T + α^E, scale-if-exceeds shares, one layout per run",
            new Dictionary<string, string>()),
        new("paper-literal", "the paper's literal readings: eq. 4 path loss as printed, no cost cap, cost^max = per-user max; learner options Mse loss, target critic in actor losses, no attention stop-gradient",
            new Dictionary<string, string>
            {
                ["path_loss"] = "paper-literal", ["cost_cap"] = "off", ["cost_max"] = "per-user-max",
                ["loss"] = "mse", ["actor_critic"] = "target", ["attn_stop_grad"] = "off",
            }),
        new("heuristic-eval", "one user layout per env (layout_key=env), as in the spec §9 reference table",
            new Dictionary<string, string> { ["layout_key"] = "env" }),
    ];

    private static readonly HeuristicTable<IomtHeuristic> Heuristics = new(
    [
        ("random", IomtHeuristic.Random, "H0: uniform target and shares per task"),
        ("all-local", IomtHeuristic.AllLocal, "H1: every task on the user's CPU, equal shares"),
        ("all-offload-best", IomtHeuristic.AllOffloadBest, "H2: every task to the nearest server, equal shares"),
        ("greedy-priority", IomtHeuristic.GreedyPriority, "H3: DT-centralised greedy in priority order, shares ∝ priority weight"),
    ]);

    public IReadOnlyList<PolicyInfo> Policies => Heuristics.Policies;

    public void Validate(ParameterGrid grid) => IomtEnv.Validate(grid);

    public IVecEnv CreateEnv(ComputeDevice device, ParameterGrid grid) => new IomtEnv(device, grid);

    public IVecPolicy CreatePolicy(string name, IVecEnv env, ulong seed)
    {
        return new IomtBaselinePolicy((IomtEnv)env, Heuristics.Find(Id, name), name, HeuristicTable<IomtHeuristic>.PolicySeed(seed));
    }

    public IReadOnlyList<IReadOnlyDictionary<string, object>> Trace(IVecEnv env, IVecPolicy policy, int steps, ulong seed) =>
        IomtTrace.Record((IomtEnv)env, policy, steps, seed);
}
