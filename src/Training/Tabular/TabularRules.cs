using GpuTwin.Kernels.Memory;
using ILGPU;
using R = GpuTwin.VecEnv.Scenarios.IotMigration.IotMigrationRules;
using St = GpuTwin.VecEnv.Scenarios.IotMigration.IotMigrationStreams;

namespace GpuTwin.Training.Tabular;

/// <summary>
/// The learners' pure rules (spec §5.3, §10), shared by the kernels and the tests: the ε schedule, allowed
/// actions, ε-greedy choice with ties to the lowest action, contexts, the Claus–Boutilier value V(s) and the
/// Q-learning step.
/// </summary>
public static class TabularRules
{
    /// <summary>|S^IL| = 9 (3 rings × 3 size bins), |S^J| = 225 (× 5 ℓ1 bins × 5 ℓ2 bins), |C| = 16.</summary>
    public const int IlStates = 9, JalStates = 225, MaxContexts = 16;

    /// <summary>Ring r = 2 is the cell edge (DistRatio ≥ 0.8).</summary>
    public const int EdgeRing = 2;

    /// <summary>ε_k = max(ε_min, 1 − (1 − ε_min)·k/K_ε) (spec §10.1).</summary>
    public static float Epsilon(int episode, float epsilonMin, float decayEpisodes)
    {
        float e = 1f - (1f - epsilonMin) * episode / decayEpisodes;
        return e > epsilonMin ? e : epsilonMin;
    }

    public static int ActionCount(int thetaLevels) => R.NumActions(thetaLevels);

    /// <summary>Ring r of an IL state s = 3r + z.</summary>
    public static int RingOfIl(int s) => s / 3;

    /// <summary>Ring r of a JAL state s = ((3r + z)·5 + ℓ1)·5 + ℓ2.</summary>
    public static int RingOfJal(int s) => s / 75;

    /// <summary>All actions of the θ grid, except MIGRATE off the cell edge under migration_mask = cell-edge-only (spec §5.2).</summary>
    public static bool Allowed(int action, int ring, int thetaLevels, int migrateAtEdgeOnly) =>
        action < ActionCount(thetaLevels) && !(migrateAtEdgeOnly != 0 && ring < EdgeRing && R.IsMigrate(action, thetaLevels));

    /// <summary>c = 4·bin(k1) + bin(k2) from the loads committed on j and j' (spec §5.3; the env's rule).</summary>
    public static int Context(int committedOnServing, int committedOnTarget) => R.Context(committedOnServing, committedOnTarget);

    /// <summary>argmax over allowed a of q[row + a]; ties go to the lowest a (LOCAL is always allowed).</summary>
    public static int Greedy(FieldView<float> q, int row, int ring, int thetaLevels, int migrateAtEdgeOnly)
    {
        int best = 0;
        float bestQ = q[row];
        int n = ActionCount(thetaLevels);
        for (int a = 1; a < n; a++)
        {
            if (!Allowed(a, ring, thetaLevels, migrateAtEdgeOnly)) continue;
            float v = q[row + a];
            if (v > bestQ) { bestQ = v; best = a; }
        }
        return best;
    }

    /// <summary>
    /// ε-greedy: explore iff <paramref name="uExplore"/> &lt; ε, then the ⌊n_allowed·u⌋-th allowed action;
    /// otherwise <see cref="Greedy"/>. Draws are in [0, 1).
    /// </summary>
    public static int EpsilonGreedy(FieldView<float> q, int row, int ring, int thetaLevels, int migrateAtEdgeOnly, float epsilon, float uExplore, float uAction)
    {
        if (uExplore < epsilon)
        {
            int n = ActionCount(thetaLevels), allowed = 0;
            for (int a = 0; a < n; a++)
                if (Allowed(a, ring, thetaLevels, migrateAtEdgeOnly)) allowed++;
            int pick = St.Index(uAction, allowed);
            for (int a = 0; a < n; a++)
            {
                if (!Allowed(a, ring, thetaLevels, migrateAtEdgeOnly)) continue;
                if (pick == 0) return a;
                pick--;
            }
        }
        return Greedy(q, row, ring, thetaLevels, migrateAtEdgeOnly);
    }

    /// <summary>max over allowed a of q[row + a] (the IL bootstrap).</summary>
    public static float MaxValue(FieldView<float> q, int row, int ring, int thetaLevels, int migrateAtEdgeOnly) =>
        q[row + Greedy(q, row, ring, thetaLevels, migrateAtEdgeOnly)];

    /// <summary>
    /// Claus–Boutilier V(s) = max_a Σ_c P̂(c | s)·Q[s, c, a] with P̂(c | s) = N[s, c]/Σ_c' N[s, c'], uniform when
    /// the counts are 0 (spec §10.3). <paramref name="qState"/> indexes Q[s, 0, 0], <paramref name="nState"/> N[s, 0].
    /// </summary>
    public static float BeliefValue(FieldView<float> q, FieldView<int> counts, int qState, int nState, int contexts, int actions,
        int ring, int thetaLevels, int migrateAtEdgeOnly)
    {
        int total = 0;
        for (int c = 0; c < contexts; c++) total += counts[nState + c];
        float uniform = 1f / contexts;
        float best = 0f;
        int n = ActionCount(thetaLevels);
        for (int a = 0; a < n; a++)
        {
            if (!Allowed(a, ring, thetaLevels, migrateAtEdgeOnly)) continue;
            float v = 0f;
            for (int c = 0; c < contexts; c++)
            {
                float p = total > 0 ? (float)counts[nState + c] / total : uniform;
                v += p * q[qState + c * actions + a];
            }
            if (a == 0 || v > best) best = v;
        }
        return best;
    }

    /// <summary>Q ← Q + α·(target − Q); returns the TD error δ = target − Q before the step.</summary>
    public static float QStep(FieldView<float> q, int index, float target, float alpha)
    {
        float delta = target - q[index];
        q[index] = q[index] + alpha * delta;
        return delta;
    }
}
