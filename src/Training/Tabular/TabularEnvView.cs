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

    public ArrayView<byte> UserActive;        // [E, U]
    public ArrayView<byte> Requested;         // [E, U] a_i(t)
    public ArrayView<byte> Refused;           // [E, U] local-only until the next reset
    public ArrayView<int> Serving;            // [E, U] j_i
    public ArrayView<int> Target;             // [E, U] j'_i
    public ArrayView<byte> ObsIl;             // [E, U] s^IL = 3r + z
    public ArrayView<int> ObsJal;             // [E, U] s^J = ((3r + z)·5 + ℓ1)·5 + ℓ2
    public ArrayView<byte> FinalObsIl;        // [E, U]
    public ArrayView<int> FinalObsJal;        // [E, U]
    public ArrayView<int> Order;              // [E, U] requesters in decision order, NReq of them
    public ArrayView<int> NReq;               // [E]
    public ArrayView<int> Episode;            // [E] k
    public ArrayView<int> Slot;               // [E] t
    public ArrayView<byte> Truncated;         // [E] set by the last step
    public ArrayView<float> UserReward;       // [E, U] r_i of the resolved slot
    public ArrayView<int> Actions;            // [E, U] the env's discrete action buffer
    public ArrayView<int> ThetaLevels;        // [E] L: actions 1 + 2(L − 1)
    public ArrayView<byte> MigrateAtEdgeOnly; // [E] 1: MIGRATE allowed only in the cell-edge ring (migration_mask)
}
