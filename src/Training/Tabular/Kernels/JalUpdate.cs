using ILGPU;

namespace GpuTwin.Training.Tabular.Kernels;

/// <summary>JAL update (spec §10.3, Algorithm 1 line 12), after the step: one thread per env, in decision order.</summary>
public static class JalUpdate
{
    /// <summary>Q^J[s, c, a] ← Q^J[s, c, a] + α·(r + γ·V(s') − Q^J[s, c, a]) with the Claus–Boutilier V.</summary>
    public static void JalUpdateKernel(Index1D e, TabularEnvView v, TabularTables t, TabularArgs a)
    {
        int row = e * v.UMax, levels = v.ThetaLevels[e], edgeOnly = v.MigrateAtEdgeOnly[e];
        bool truncated = v.Truncated[e] != 0;
        int n = t.TrCount[e];
        for (int k = 0; k < n; k++)
        {
            int u = row + t.TrOrder[row + k];
            if (t.TrActive[u] == 0) continue;
            int next = truncated ? v.FinalObsJal[u] : v.ObsJal[u];
            float value = TabularRules.BeliefValue(t.Q, t.Counts, t.QIndex(e, next, 0, 0), t.CountIndex(e, next, 0), t.Contexts, t.Actions,
                TabularRules.RingOfJal(next), levels, edgeOnly);
            int q = t.QIndex(e, t.TrState[u], t.TrContext[u], t.TrAction[u]);
            t.LogUpdate(e, q, TabularRules.QStep(t.Q, q, v.UserReward[u] + a.Gamma * value, a.Alpha));
        }
    }
}
