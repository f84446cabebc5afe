using GpuTwin.Kernels.Memory;
using ILGPU;

namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec.Baselines;

/// <summary>
/// Per-launch arguments of the baseline kernels: the heuristic, the policy's RNG key, the env clock for the
/// Random baseline's counters, the proto-action to write, and the greedy engine's scratch (owned by
/// <see cref="MecBaseline"/>). Device-slot fields are [E, N, U_max], indexed like <c>RefinementViews.Dev</c>.
/// </summary>
public struct BaselineArgs
{
    public int Heuristic;
    public ulong PolicySeed;
    /// <summary>RNG stream of B0 (the scenario's <c>RandomPolicy</c>).</summary>
    public int RandomStream;
    public FieldView<int> Slot;             // [E] t within the episode
    public FieldView<int> EpisodeIndex;     // [E]
    public FieldView<float> Proto;          // [E, N·U_max·(N+2)] output â

    public FieldView<int> Order;            // [E, N·U_max] G2 order of the candidates (flat q)
    public FieldView<float> StaticPriority; // [E, N, U_max] ϱ⁰ of candidates
    public FieldView<int> Admitted;         // [E, N·U_max] admitted tasks' flat q, ascending (the first `count` entries)
    public FieldView<sbyte> Assigned;       // [E, N, U_max] admitted target b, or −1
    public FieldView<float> Demand;         // [E, N, U_max] l of admitted tasks with their cells' current sets
    public FieldView<float> TentDemand;     // [E, N, U_max] l of the tentative cell in G4
    public FieldView<byte> CpuRejected;     // [E, N, U_max] got a CPU reject in LPWPO phase 1
    public FieldView<float> Load;           // [E, N] Load_b, cycles/s
    public FieldView<float> TentLoad;       // [E, N] Load'_b of G4
    public FieldView<byte> Saturated;       // [E, N] LPWPO: BS with a CPU reject in phase 1
}
