using GpuTwin.Kernels.Memory;
using ILGPU;

namespace GpuTwin.VecEnv.Scenarios.IotMigration;

/// <summary>
/// The whole device state of an iot-migration batch as structure-of-arrays views (spec §4), passed by value to
/// every kernel. Per-user fields are [E, UMax], per-server [E, NMax], per-link [E, UMax, NMax], all row-major.
/// Users i ≥ U_e = ρ_e·N_e and servers m ≥ N_e of env e are padding (masks 0).
/// <para>Timing: <see cref="ReqServing"/>, <see cref="Order"/>, <see cref="NReq"/>, <see cref="ObsIl"/> and
/// <see cref="ObsJal"/> describe the slot about to be decided (written at reset and at the end of Advance);
/// the per-slot outcome fields (<see cref="Action"/> … <see cref="UserReward"/>) describe the last resolved slot.</para>
/// </summary>
public struct IotMigrationState
{
    // Sizes and run constants.
    public int NumEnvs, UMax, NMax, ParamCount, CounterCount, ObsSize, GlobalSize, JoinWidth;
    public ulong Seed;

    // Configuration (written at Reset(seed), kept across episodes).
    public FieldView<float> Params;          // [E, ParamCount]
    public FieldView<float> ServerPos;       // [E, N, 2] m
    public FieldView<byte> UserActive;       // [E, U]
    public FieldView<byte> ServerActive;     // [E, N]

    // User physical state.
    public FieldView<float> PosX, PosY;      // [E, U] m
    public FieldView<float> Speed;           // [E, U] m/s
    public FieldView<float> Heading;         // [E, U] rad
    public FieldView<float> Lambda;          // [E, U] 1/slot
    public FieldView<byte> Requested;        // [E, U] a_i(t)
    public FieldView<float> TaskBits;        // [E, U] pending B_i, bit

    // Geometry cache (the DT view, recomputed after every move).
    public FieldView<int> Serving;           // [E, U] j_i, nearest server
    public FieldView<int> Target;            // [E, U] j'_i, second nearest
    public FieldView<float> DServing;        // [E, U] m, d(i, j) before the floor
    public FieldView<float> DistRatio;       // [E, U] d(i, j)/d(i, j') ∈ [0, 1]
    public FieldView<float> Gain;            // [E, U, N] g(d_{m,i}), linear

    // Authentication state (bytes only; no key material ever reaches a kernel).
    public FieldView<byte> AuthOk;           // [E, U] 1 if the join verification passed
    public FieldView<byte> AuthReason;       // [E, U] AuthReason byte
    public FieldView<int> CredIndex;         // [E, U] pool index (audits, metrics)
    public FieldView<uint> SessionMask;      // [E, U] bit m: authenticated session with server m this episode
    public FieldView<byte> Refused;          // [E, U] 1 after a refused handshake, until the next reset
    public FieldView<byte> RefusedNow;       // [E, U] 1 if refused in the slot just resolved (failure latency)
    public FieldView<byte> Attempted;        // [E, U] 1 once the user chose an offload this episode

    // Decision order and the DT's request view of the slot about to be decided.
    public FieldView<int> OrderOffset;       // [E] o
    public FieldView<int> Order;             // [E, U] requesters first, cyclic from o; NReq of them
    public FieldView<int> NReq;              // [E]
    public FieldView<int> ReqServing;        // [E, N] requesters whose serving server is m
    public FieldView<int> Commit;            // [E, N] loads committed so far in the walk (scratch of S3)

    // Per-slot decisions and outcomes.
    public FieldView<int> ActionIn;          // [E, U] the policy's action (env-owned action buffer)
    public FieldView<byte> Action;           // [E, U] chosen action, 255 = no task
    public FieldView<byte> ActionEff;        // [E, U] after refusal and outage
    public FieldView<byte> Context;          // [E, U] c = 4·k1 + k2
    public FieldView<byte> Decided;          // [E, U] 1 = an agent decision (active ∧ requested ∧ ¬refused before the slot)
    public FieldView<byte> ActionMask;       // [E, U] 1 where the action affected the env (= Decided)
    public FieldView<byte> TxFlag;           // [E, U] transmits in the final SINR pass
    public FieldView<byte> Outage;           // [E, U] R < R_min in pass 1
    public FieldView<float> Sinr;            // [E, U] final pass, linear
    public FieldView<float> RateBps;         // [E, U] final pass
    public FieldView<float> RecvPowerW;      // [E, N] P_m of the final pass
    public FieldView<int> Load;              // [E, N] n_m
    public FieldView<byte> Handshakes;       // [E, U] successful handshakes charged this slot
    public FieldView<float> HandshakeS;      // [E, U] handshake or failure latency charged this slot
    public FieldView<float> TLocal, TTrans, TExe, TMig, TExe2, TProc; // [E, U] s
    public FieldView<float> UserReward;      // [E, U] r_i for requesters, 0 otherwise
    public FieldView<float> ClusterReward;   // [E, N] Σ r over the requesters served at m (scratch of S9)

    // Tabular observations (spec §5.3) of the slot about to be decided, and of truncated envs before their reset.
    public FieldView<byte> ObsIl;            // [E, U] 3r + z
    public FieldView<int> ObsJal;            // [E, U] ((3r + z)·5 + ℓ1)·5 + ℓ2
    public FieldView<byte> FinalObsIl;       // [E, U]
    public FieldView<int> FinalObsJal;       // [E, U]

    // Continuous observations and outputs.
    public FieldView<float> Obs;             // [E, U, ObsSize]
    public FieldView<float> Global;          // [E, GlobalSize]
    public FieldView<float> FinalGlobal;     // [E, GlobalSize]
    public FieldView<int> Slot;              // [E] t
    public FieldView<int> Episode;           // [E] k
    public FieldView<float> RewardEnv;       // [E] mean r over the slot's requesters
    public FieldView<byte> Truncated;        // [E]
    public FieldView<byte> Terminated;       // [E] always 0 (no terminal states)
    public FieldView<float> StepCounters;    // [E, CounterCount]
    public FieldView<double> CounterTotals;  // [E, CounterCount]
    /// <summary>[E, JoinWidth] host join-pass counts of the current episode, added to the counters in its slot 0.</summary>
    public FieldView<float> JoinCounts;

    #region Index helpers

    public readonly float P(int env, int parameter) => Params[env * ParamCount + parameter];
    public readonly int Servers(int env) => (int)P(env, IotMigrationParameters.Servers);
    public readonly int Users(int env) => (int)P(env, IotMigrationParameters.UsersPerServer) * Servers(env);
    public readonly int ThetaLevels(int env) => (int)P(env, IotMigrationParameters.ThetaLevels);
    public readonly int User(int env, int i) => env * UMax + i;
    public readonly int Server(int env, int m) => env * NMax + m;
    public readonly int Link(int env, int i, int m) => (env * UMax + i) * NMax + m;
    public readonly float ServerX(int env, int m) => ServerPos[(env * NMax + m) * 2];
    public readonly float ServerY(int env, int m) => ServerPos[(env * NMax + m) * 2 + 1];

    #endregion
}
