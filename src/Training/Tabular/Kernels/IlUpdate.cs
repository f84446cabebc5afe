using ILGPU;

namespace GpuTwin.Training.Tabular.Kernels;

/// <summary>IL update (spec §10.2), after the step: one thread per env, the slot's transitions in decision order.</summary>
public static class IlUpdate
{
    /// <summary>Q[s, a] ← Q[s, a] + α·(r + γ·max_a' Q[s', a'] − Q[s, a]), s' from the final observation at truncation.</summary>
    public static void IlUpdateKernel(Index1D e, TabularEnvView v, TabularTables t, TabularArgs a)
    {
        int row = e * v.UMax, levels = v.ThetaLevels[e], edgeOnly = v.MigrateAtEdgeOnly[e];
        bool truncated = v.Truncated[e] != 0;
        int n = t.TrCount[e];
        for (int k = 0; k < n; k++)
        {
            int u = row + t.TrOrder[row + k];
            if (t.TrActive[u] == 0) continue;
            int next = truncated ? v.FinalObsIl[u] : v.ObsIl[u];
            float target = v.UserReward[u] + a.Gamma * TabularRules.MaxValue(t.Q, t.QIndex(e, next, 0, 0), TabularRules.RingOfIl(next), levels, edgeOnly);
            int q = t.QIndex(e, t.TrState[u], 0, t.TrAction[u]);
            t.LogUpdate(e, q, TabularRules.QStep(t.Q, q, target, a.Alpha));
        }
    }
}
