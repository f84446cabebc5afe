using ILGPU;
using R = GpuTwin.VecEnv.Scenarios.IotMigration.IotMigrationRules;
using St = GpuTwin.VecEnv.Scenarios.IotMigration.IotMigrationStreams;

namespace GpuTwin.Training.Tabular.Kernels;

/// <summary>IL acting (spec §10.2 Act): parallel over (env, user), the table is read-only while acting.</summary>
public static class IlAct
{
    /// <summary>ε-greedy on Q^IL[s_i, ·] for every requester that is not refused; LOCAL (0) for everyone else.</summary>
    public static void IlActKernel(Index1D index, TabularEnvView v, TabularTables t, TabularArgs a)
    {
        int e = index / v.UMax, i = index - e * v.UMax;
        v.Actions[index] = 0;
        t.TrActive[index] = 0;
        if (v.UserActive[index] == 0 || v.Requested[index] == 0 || v.Refused[index] != 0) return;

        int levels = v.ThetaLevels[e], episode = v.Episode[e];
        float epsilon = a.Explore != 0 ? TabularRules.Epsilon(episode, a.EpsilonMin, a.EpsilonDecayEpisodes) : 0f;
        var rng = St.DecisionRng(v.Seed, e, episode, v.Slot[e]);
        int s = v.ObsIl[index];
        float uExplore = St.Draw(rng, St.RandPol, St.RandPolExplore, i);
        float uAction = St.Draw(rng, St.RandPol, St.RandPolExploreAction, i);
        int act = TabularRules.EpsilonGreedy(t.Q, t.QIndex(e, s, 0, 0), TabularRules.RingOfIl(s), levels, v.MigrateAtEdgeOnly[e], epsilon, uExplore, uAction);

        v.Actions[index] = act;
        t.TrActive[index] = 1;
        t.TrState[index] = s;
        t.TrContext[index] = 0;
        t.TrAction[index] = (byte)act;
    }

    /// <summary>Copies the slot's decision order (the env rebuilds it at the end of the step); one thread per env.</summary>
    public static void RecordOrderKernel(Index1D e, TabularEnvView v, TabularTables t)
    {
        int n = v.NReq[e], row = e * v.UMax;
        t.TrCount[e] = n;
        for (int k = 0; k < n; k++) t.TrOrder[row + k] = v.Order[row + k];
    }
}
