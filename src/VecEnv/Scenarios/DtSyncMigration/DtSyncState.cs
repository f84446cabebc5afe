using ILGPU;
using static GpuTwin.VecEnv.Scenarios.DtSyncMigration.DtSyncParameters;

namespace GpuTwin.VecEnv.Scenarios.DtSyncMigration;

/// <summary>
/// The whole device state of a dt-sync batch as structure-of-arrays views (spec §4), passed by value to
/// every kernel. Per-MU fields are [E, KMax], per-pair fields [E, KMax, MMax], per-BS [E, MMax]; MUs
/// k ≥ K_e and BSs m ≥ M_e of env e are padding and stay zero.
/// </summary>
public struct DtSyncState
{
    // Sizes and run constants.
    public int NumEnvs, KMax, MMax, ParamCount, CounterCount;
    public int MuObsSize, BsObsSize, CcObsSize, GlobalSize;
    public ulong Seed;

    // Configuration.
    public ArrayView<float> Params;          // [E, ParamCount]
    public ArrayView<float> BsPos;           // [E, MMax, 2] m

    // Mobility.
    public ArrayView<float> PosX, PosY;      // [E, K] m
    public ArrayView<float> Speed;           // [E, K] m/s
    public ArrayView<float> Heading;         // [E, K] rad, unwrapped
    public ArrayView<float> MeanSpeed;       // [E, K] m/s
    public ArrayView<float> MeanHeading;     // [E, K] rad

    // Clock.
    public ArrayView<int> Slot;              // [E] n within the episode
    public ArrayView<int> EpisodeIndex;      // [E]

    // Requests of the current slot.
    public ArrayView<byte> Requested;        // [E, K] a_k[n]
    public ArrayView<float> DataBits;        // [E, K] D_k
    public ArrayView<float> CyclesPerBit;    // [E, K] C_k
    public ArrayView<float> DeadlineS;       // [E, K] τ_k

    // Radio and compute of the current slot.
    public ArrayView<float> Gain;            // [E, K, M] |h|²
    public ArrayView<int> Assoc;             // [E, K] α_k
    public ArrayView<float> TxPowerW;        // [E, K] radiated p̂_k
    public ArrayView<byte> Transmitting;     // [E, K]
    public ArrayView<float> Sinr;            // [E, K]
    public ArrayView<float> RateBps;         // [E, K]
    public ArrayView<float> CpuHz;           // [E, K] f_k
    public ArrayView<float> WiredBps;        // [E, K] w_k
    public ArrayView<float> DelayS;          // [E, K] t_k (T_BIG if impossible)
    public ArrayView<byte> Failed;           // [E, K] X_k
    public ArrayView<byte> Blocked;          // [E, K] migrating this slot
    public ArrayView<float> EnergyJ;         // [E, K]

    // Digital twin and control.
    public ArrayView<int> DtHost;            // [E, K] β_k(q)
    public ArrayView<int> DtHostPrev;        // [E, K] β_k(q−1)
    public ArrayView<int> DtProposal;        // [E, K] β̃_k[n]
    public ArrayView<int> MigCountdown;      // [E, K] blocked slots left
    public ArrayView<float> VQueue;          // [E, K] Y_k[n]
    public ArrayView<float> VQueueFrame;     // [E, K] Y_k[qT]
    public ArrayView<int> DtLastSyncSlot;    // [E, K]
    public ArrayView<int> FrameMigrations;   // [E] migrations started this slot

    // Scratch sums (per env, reused each slot).
    public ArrayView<float> RxTotalW;        // [E, M] Σ_i p̂_i g_{i,m}
    public ArrayView<float> CpuShareSum;     // [E, M]
    public ArrayView<float> WiredShareSum;   // [E, M, M] (from i, to j)
    public ArrayView<float> CfCpuShareSum;   // [E, M] counterfactual (CC reward)
    public ArrayView<float> CfWiredShareSum; // [E, M, M]

    // Actions (env-owned, written by policies).
    public ArrayView<int> MuAssocAction;     // [E, K] BS index
    public ArrayView<float> MuPowerAction;   // [E, K] fraction of P_max in [0, 1]
    public ArrayView<float> BsShareAction;   // [E, M, 2K]: wired shares of MUs 0..K−1, then CPU shares
    public ArrayView<int> CcProposalAction;  // [E, K] proposed DT host per MU

    // Action masks.
    public ArrayView<byte> MuMask;           // [E, K]
    public ArrayView<byte> BsMask;           // [E, M, 2K]
    public ArrayView<byte> CcMask;           // [E, K]

    // Observations and outputs.
    public ArrayView<float> MuObs;           // [E, K, MuObsSize]
    public ArrayView<float> BsObs;           // [E, M, BsObsSize]
    public ArrayView<float> CcObs;           // [E, CcObsSize]
    public ArrayView<float> Global;          // [E, GlobalSize]
    public ArrayView<float> FinalGlobal;     // [E, GlobalSize]
    public ArrayView<float> RewardGlobal;    // [E] r_g
    public ArrayView<float> RewardCenter;    // [E] r_c
    public ArrayView<byte> Truncated;        // [E]
    public ArrayView<byte> Terminated;       // [E]
    public ArrayView<float> StepCounters;    // [E, CounterCount]
    public ArrayView<double> CounterTotals;  // [E, CounterCount]

    #region Index helpers

    public readonly float P(int env, int parameter) => Params[env * ParamCount + parameter];
    public readonly int Mus(int env) => (int)P(env, K);
    public readonly int Bss(int env) => (int)P(env, M);
    public readonly int Mu(int env, int k) => env * KMax + k;
    public readonly int Bs(int env, int m) => env * MMax + m;
    public readonly int Pair(int env, int k, int m) => (env * KMax + k) * MMax + m;
    public readonly int Link(int env, int from, int to) => (env * MMax + from) * MMax + to;
    public readonly int WiredShare(int env, int m, int k) => (env * MMax + m) * 2 * KMax + k;
    public readonly int CpuShare(int env, int m, int k) => (env * MMax + m) * 2 * KMax + KMax + k;
    public readonly float BsX(int env, int m) => BsPos[(env * MMax + m) * 2];
    public readonly float BsY(int env, int m) => BsPos[(env * MMax + m) * 2 + 1];

    #endregion
}
