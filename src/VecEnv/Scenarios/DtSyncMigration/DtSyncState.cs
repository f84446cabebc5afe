using GpuTwin.Kernels.Memory;
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
    public FieldView<float> Params;          // [E, ParamCount]
    public FieldView<float> BsPos;           // [E, MMax, 2] m

    // Mobility.
    public FieldView<float> PosX, PosY;      // [E, K] m
    public FieldView<float> Speed;           // [E, K] m/s
    public FieldView<float> Heading;         // [E, K] rad, unwrapped
    public FieldView<float> MeanSpeed;       // [E, K] m/s
    public FieldView<float> MeanHeading;     // [E, K] rad

    // Clock.
    public FieldView<int> Slot;              // [E] n within the episode
    public FieldView<int> EpisodeIndex;      // [E]

    // Requests of the current slot.
    public FieldView<byte> Requested;        // [E, K] a_k[n]
    public FieldView<float> DataBits;        // [E, K] D_k
    public FieldView<float> CyclesPerBit;    // [E, K] C_k
    public FieldView<float> DeadlineS;       // [E, K] τ_k

    // Radio and compute of the current slot.
    public FieldView<float> Gain;            // [E, K, M] |h|²
    public FieldView<int> Assoc;             // [E, K] α_k
    public FieldView<float> TxPowerW;        // [E, K] radiated p̂_k
    public FieldView<byte> Transmitting;     // [E, K]
    public FieldView<float> Sinr;            // [E, K]
    public FieldView<float> RateBps;         // [E, K]
    public FieldView<float> CpuHz;           // [E, K] f_k
    public FieldView<float> WiredBps;        // [E, K] w_k
    public FieldView<float> DelayS;          // [E, K] t_k (T_BIG if impossible)
    public FieldView<byte> Failed;           // [E, K] X_k
    public FieldView<byte> Blocked;          // [E, K] migrating this slot
    public FieldView<float> EnergyJ;         // [E, K]

    // Digital twin and control.
    public FieldView<int> DtHost;            // [E, K] β_k(q)
    public FieldView<int> DtHostPrev;        // [E, K] β_k(q−1)
    public FieldView<int> DtProposal;        // [E, K] β̃_k[n]
    public FieldView<int> MigCountdown;      // [E, K] blocked slots left
    public FieldView<float> VQueue;          // [E, K] Y_k[n]
    public FieldView<float> VQueueFrame;     // [E, K] Y_k[qT]
    public FieldView<int> DtLastSyncSlot;    // [E, K]
    public FieldView<int> FrameMigrations;   // [E] migrations started this slot

    // Scratch sums (per env, reused each slot).
    public FieldView<float> RxTotalW;        // [E, M] Σ_i p̂_i g_{i,m}
    public FieldView<float> CpuShareSum;     // [E, M]
    public FieldView<float> WiredShareSum;   // [E, M, M] (from i, to j)
    public FieldView<float> CfCpuShareSum;   // [E, M] counterfactual (CC reward)
    public FieldView<float> CfWiredShareSum; // [E, M, M]

    // Actions (env-owned, written by policies).
    public FieldView<int> MuAssocAction;     // [E, K] BS index
    public FieldView<float> MuPowerAction;   // [E, K] fraction of P_max in [0, 1]
    public FieldView<float> BsShareAction;   // [E, M, 2K]: wired shares of MUs 0..K−1, then CPU shares
    public FieldView<int> CcProposalAction;  // [E, K] proposed DT host per MU

    // Action masks.
    public FieldView<byte> MuMask;           // [E, K]
    public FieldView<byte> BsMask;           // [E, M, 2K]
    public FieldView<byte> CcMask;           // [E, K]

    // Observations and outputs.
    public FieldView<float> MuObs;           // [E, K, MuObsSize]
    public FieldView<float> BsObs;           // [E, M, BsObsSize]
    public FieldView<float> CcObs;           // [E, CcObsSize]
    public FieldView<float> Global;          // [E, GlobalSize]
    public FieldView<float> FinalGlobal;     // [E, GlobalSize]
    public FieldView<float> RewardGlobal;    // [E] r_g
    public FieldView<float> RewardCenter;    // [E] r_c
    public FieldView<byte> Truncated;        // [E]
    public FieldView<byte> Terminated;       // [E]
    public FieldView<float> StepCounters;    // [E, CounterCount]
    public FieldView<double> CounterTotals;  // [E, CounterCount]

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
