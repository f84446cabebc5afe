using GpuTwin.VecEnv.Spaces;

namespace GpuTwin.VecEnv;

/// <summary>
/// Agents of one type that share observation size and action space (e.g. dt-sync's <c>mu</c> × K).
/// Groups act in the order they are listed: a group's observation may depend on earlier groups' actions.
/// </summary>
/// <param name="Name">Short id, e.g. <c>mu</c>.</param>
/// <param name="Count">Agents per env (padded maximum when a sweep varies it).</param>
/// <param name="ObservationSize">Floats per agent.</param>
/// <param name="ActionSpace">Per-agent action space.</param>
/// <param name="MaskWidth">Bytes per agent in the action mask (1 = that action component affects the env).</param>
/// <param name="RewardStream">Index of the reward buffer this group is trained on.</param>
public sealed record AgentGroup(string Name, int Count, int ObservationSize, Space ActionSpace, int MaskWidth, int RewardStream, string Description);
