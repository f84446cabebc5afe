using ILGPU;
using R = GpuTwin.VecEnv.Scenarios.IotMigration.IotMigrationRules;
using St = GpuTwin.VecEnv.Scenarios.IotMigration.IotMigrationStreams;

namespace GpuTwin.Training.Tabular.Kernels;

/// <summary>JAL acting (spec §10.3 Act): one thread per env walks the slot's decision order.</summary>
public static class JalAct
{
    /// <summary>
    /// For each requester in order: context c from the loads committed so far on its j and j', ε-greedy argmax of
    /// Q^J[s, c, ·], commit (STAY loads j; MIGRATE loads j and j'), and in training N[s, c] += 1. Refused users act
    /// LOCAL and make no decision. Copies the transition (order, s, c, a) for the update after the step.
    /// </summary>
    public static void JalActKernel(Index1D e, TabularEnvView v, TabularTables t, TabularArgs a)
    {
        int row = e * v.UMax;
        for (int i = 0; i < v.UMax; i++)
        {
            v.Actions[row + i] = 0;
            t.TrActive[row + i] = 0;
        }
        for (int m = 0; m < v.NMax; m++) t.Commit[e * v.NMax + m] = 0;

        int levels = v.ThetaLevels[e], edgeOnly = v.MigrateAtEdgeOnly[e], episode = v.Episode[e];
        float epsilon = a.Explore != 0 ? TabularRules.Epsilon(episode, a.EpsilonMin, a.EpsilonDecayEpisodes) : 0f;
        var rng = St.DecisionRng(v.Seed, e, episode, v.Slot[e]);
        int n = v.NReq[e];
        t.TrCount[e] = n;
        for (int k = 0; k < n; k++)
        {
            int i = v.Order[row + k];
            t.TrOrder[row + k] = i;
            int u = row + i;
            if (v.UserActive[u] == 0 || v.Requested[u] == 0 || v.Refused[u] != 0) continue;

            int j = v.Serving[u], jp = v.Target[u];
            int c = t.Contexts > 1 ? TabularRules.Context(t.Commit[e * v.NMax + j], t.Commit[e * v.NMax + jp]) : 0;
            int s = v.ObsJal[u];
            float uExplore = St.Draw(rng, St.RandPol, St.RandPolExplore, i);
            float uAction = St.Draw(rng, St.RandPol, St.RandPolExploreAction, i);
            int act = TabularRules.EpsilonGreedy(t.Q, t.QIndex(e, s, c, 0), TabularRules.RingOfJal(s), levels, edgeOnly, epsilon, uExplore, uAction);

            v.Actions[u] = act;
            t.TrActive[u] = 1;
            t.TrState[u] = s;
            t.TrContext[u] = (byte)c;
            t.TrAction[u] = (byte)act;
            if (R.LoadsServer(act, j, j, jp, levels)) t.Commit[e * v.NMax + j] = t.Commit[e * v.NMax + j] + 1;
            if (jp != j && R.LoadsServer(act, jp, j, jp, levels)) t.Commit[e * v.NMax + jp] = t.Commit[e * v.NMax + jp] + 1;
            if (a.Learn != 0)
            {
                int nIndex = t.CountIndex(e, s, c);
                t.Counts[nIndex] = t.Counts[nIndex] + 1;
                int h = e * TabularRules.MaxContexts + c;
                t.ContextHist[h] = t.ContextHist[h] + 1;
            }
        }
    }
}
