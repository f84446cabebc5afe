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
    public ArrayView<float> Params;          // [E, ParamCount]
    public ArrayView<float> ServerPos;       // [E, N, 2] m
    public ArrayView<byte> UserActive;       // [E, U]
    public ArrayView<byte> ServerActive;     // [E, N]

    // User physical state.
    public ArrayView<float> PosX, PosY;      // [E, U] m
    public ArrayView<float> Speed;           // [E, U] m/s
    public ArrayView<float> Heading;         // [E, U] rad
    public ArrayView<float> Lambda;          // [E, U] 1/slot
    public ArrayView<byte> Requested;        // [E, U] a_i(t)
    public ArrayView<float> TaskBits;        // [E, U] pending B_i, bit

    // Geometry cache (the DT view, recomputed after every move).
    public ArrayView<int> Serving;           // [E, U] j_i, nearest server
    public ArrayView<int> Target;            // [E, U] j'_i, second nearest
    public ArrayView<float> DServing;        // [E, U] m, d(i, j) before the floor
    public ArrayView<float> DistRatio;       // [E, U] d(i, j)/d(i, j') ∈ [0, 1]
    public ArrayView<float> Gain;            // [E, U, N] g(d_{m,i}), linear

    // Authentication state (bytes only; no key material ever reaches a kernel).
    public ArrayView<byte> AuthOk;           // [E, U] 1 if the join verification passed
    public ArrayView<byte> AuthReason;       // [E, U] AuthReason byte
    public ArrayView<int> CredIndex;         // [E, U] pool index (audits, metrics)
    public ArrayView<uint> SessionMask;      // [E, U] bit m: authenticated session with server m this episode
    public ArrayView<byte> Refused;          // [E, U] 1 after a refused handshake, until the next reset
    public ArrayView<byte> RefusedNow;       // [E, U] 1 if refused in the slot just resolved (failure latency)
    public ArrayView<byte> Attempted;        // [E, U] 1 once the user chose an offload this episode

    // Decision order and the DT's request view of the slot about to be decided.
    public ArrayView<int> OrderOffset;       // [E] o
    public ArrayView<int> Order;             // [E, U] requesters first, cyclic from o; NReq of them
    public ArrayView<int> NReq;              // [E]
    public ArrayView<int> ReqServing;        // [E, N] requesters whose serving server is m
    public ArrayView<int> Commit;            // [E, N] loads committed so far in the walk (scratch of S3)

    // Per-slot decisions and outcomes.
    public ArrayView<int> ActionIn;          // [E, U] the policy's action (env-owned action buffer)
    public ArrayView<byte> Action;           // [E, U] chosen action, 255 = no task
    public ArrayView<byte> ActionEff;        // [E, U] after refusal and outage
    public ArrayView<byte> Context;          // [E, U] c = 4·k1 + k2
    public ArrayView<byte> Decided;          // [E, U] 1 = an agent decision (active ∧ requested ∧ ¬refused before the slot)
    public ArrayView<byte> ActionMask;       // [E, U] 1 where the action affected the env (= Decided)
    public ArrayView<byte> TxFlag;           // [E, U] transmits in the final SINR pass
    public ArrayView<byte> Outage;           // [E, U] R < R_min in pass 1
    public ArrayView<float> Sinr;            // [E, U] final pass, linear
    public ArrayView<float> RateBps;         // [E, U] final pass
    public ArrayView<float> RecvPowerW;      // [E, N] P_m of the final pass
    public ArrayView<int> Load;              // [E, N] n_m
    public ArrayView<byte> Handshakes;       // [E, U] successful handshakes charged this slot
    public ArrayView<float> HandshakeS;      // [E, U] handshake or failure latency charged this slot
    public ArrayView<float> TLocal, TTrans, TExe, TMig, TExe2, TProc; // [E, U] s
    public ArrayView<float> UserReward;      // [E, U] r_i for requesters, 0 otherwise
    public ArrayView<float> ClusterReward;   // [E, N] Σ r over the requesters served at m (scratch of S9)

    // Tabular observations (spec §5.3) of the slot about to be decided, and of truncated envs before their reset.
    public ArrayView<byte> ObsIl;            // [E, U] 3r + z
    public ArrayView<int> ObsJal;            // [E, U] ((3r + z)·5 + ℓ1)·5 + ℓ2
    public ArrayView<byte> FinalObsIl;       // [E, U]
    public ArrayView<int> FinalObsJal;       // [E, U]

    // Continuous observations and outputs.
    public ArrayView<float> Obs;             // [E, U, ObsSize]
    public ArrayView<float> Global;          // [E, GlobalSize]
    public ArrayView<float> FinalGlobal;     // [E, GlobalSize]
    public ArrayView<int> Slot;              // [E] t
    public ArrayView<int> Episode;           // [E] k
    public ArrayView<float> RewardEnv;       // [E] mean r over the slot's requesters
    public ArrayView<byte> Truncated;        // [E]
    public ArrayView<byte> Terminated;       // [E] always 0 (no terminal states)
    public ArrayView<float> StepCounters;    // [E, CounterCount]
    public ArrayView<double> CounterTotals;  // [E, CounterCount]
    /// <summary>[E, JoinWidth] host join-pass counts of the current episode, added to the counters in its slot 0.</summary>
    public ArrayView<float> JoinCounts;

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
