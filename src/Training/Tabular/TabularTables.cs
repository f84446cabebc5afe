using GpuTwin.Kernels.Memory;
using ILGPU;

namespace GpuTwin.Training.Tabular;

/// <summary>
/// One learner's device state as views (spec §10): the Q-table and context counts of every env (scope
/// <see cref="TableScope.SharedPerEnv"/>: one table per env), the transitions of the slot being played, copied
/// when acting because the env overwrites its decision fields at the end of the step, and the learner logs.
/// </summary>
public struct TabularTables
{
    /// <summary>Per-env table shape: S states × C contexts × A actions (IL: 9 × 1 × 9; JAL: 225 × 16 × 9).</summary>
    public int States, Contexts, Actions;

    public FieldView<float> Q;            // [E, S, C, A]
    public FieldView<int> Counts;         // [E, S, C] N[s, c], context counts (JAL)
    public FieldView<byte> Visited;       // [E, S, C, A] 1 once the entry was updated
    public FieldView<int> Commit;         // [E, NMax] loads committed so far in the JAL walk

    // The slot's transitions, copied at act time.
    public FieldView<int> TrOrder;        // [E, U] decision order
    public FieldView<int> TrCount;        // [E] entries of TrOrder
    public FieldView<byte> TrActive;      // [E, U] 1 = an agent decision (requester, not refused before the slot)
    public FieldView<int> TrState;        // [E, U] s
    public FieldView<byte> TrContext;     // [E, U] c
    public FieldView<byte> TrAction;      // [E, U] a, the chosen action

    // Learner logs since the last clear (spec §7).
    public FieldView<float> TdAbsSum;     // [E] Σ |δ|
    public FieldView<int> TdCount;        // [E] updates
    public FieldView<int> VisitedCount;   // [E] entries with Visited = 1 (never cleared)
    public FieldView<int> ContextHist;    // [E, MaxContexts] contexts of the decisions (training)

    public readonly int TableSize => States * Contexts * Actions;
    public readonly int QIndex(int env, int s, int c, int a) => ((env * States + s) * Contexts + c) * Actions + a;
    public readonly int CountIndex(int env, int s, int c) => (env * States + s) * Contexts + c;

    /// <summary>Logs one update of Q[index] of env e: |δ| and a first visit.</summary>
    public readonly void LogUpdate(int env, int index, float delta)
    {
        TdAbsSum[env] = TdAbsSum[env] + (delta < 0f ? -delta : delta);
        TdCount[env] = TdCount[env] + 1;
        if (Visited[index] == 0)
        {
            Visited[index] = 1;
            VisitedCount[env] = VisitedCount[env] + 1;
        }
    }
}
