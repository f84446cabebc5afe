using GpuTwin.Kernels.Memory;
using ILGPU;

namespace GpuTwin.Training.Tabular;

/// <summary>
/// The env fields the tabular learners read and write, as views into the env's own buffers (no copies), passed by
/// value to the learner kernels. Per-user fields are [E, UMax] row-major, per-server [E, NMax], per-env [E].
/// <para>Timing (spec §6 S11): <see cref="Order"/>, <see cref="NReq"/>, <see cref="ObsIl"/> and <see cref="ObsJal"/>
/// describe the slot about to be decided; after a step <see cref="UserReward"/> describes the resolved slot and
/// <see cref="FinalObsIl"/>/<see cref="FinalObsJal"/> hold s' of envs that were truncated in it.</para>
/// </summary>
public struct TabularEnvView
{
    public int NumEnvs, UMax, NMax;
    /// <summary>Run seed of the env; the ε-greedy draws use RANDPOL subs 1 and 2 of it (spec §3).</summary>
    public ulong Seed;

    public FieldView<byte> UserActive;        // [E, U]
    public FieldView<byte> Requested;         // [E, U] a_i(t)
    public FieldView<byte> Refused;           // [E, U] local-only until the next reset
    public FieldView<int> Serving;            // [E, U] j_i
    public FieldView<int> Target;             // [E, U] j'_i
    public FieldView<byte> ObsIl;             // [E, U] s^IL = 3r + z
    public FieldView<int> ObsJal;             // [E, U] s^J = ((3r + z)·5 + ℓ1)·5 + ℓ2
    public FieldView<byte> FinalObsIl;        // [E, U]
    public FieldView<int> FinalObsJal;        // [E, U]
    public FieldView<int> Order;              // [E, U] requesters in decision order, NReq of them
    public FieldView<int> NReq;               // [E]
    public FieldView<int> Episode;            // [E] k
    public FieldView<int> Slot;               // [E] t
    public FieldView<byte> Truncated;         // [E] set by the last step
    public FieldView<float> UserReward;       // [E, U] r_i of the resolved slot
    public FieldView<int> Actions;            // [E, U] the env's discrete action buffer
    public FieldView<int> ThetaLevels;        // [E] L: actions 1 + 2(L − 1)
    public FieldView<byte> MigrateAtEdgeOnly; // [E] 1: MIGRATE allowed only in the cell-edge ring (migration_mask)
}
