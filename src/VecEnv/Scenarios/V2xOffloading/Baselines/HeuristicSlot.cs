using GpuTwin.Kernels.Random;
using ILGPU;

namespace GpuTwin.VecEnv.Scenarios.V2xOffloading.Baselines;

/// <summary>
/// The spec §9 heuristics as one fused kernel per env that runs a whole slot's sequential decisions
/// (spec §5 "batching"): for i = 0..M−1 in ID order it decides from the DT the predecessors left and
/// applies the decision through the env's own feasibility rule and DT update. "Fair share" uses exact suffix
/// counts: at vehicle i's turn, cnt[j] = L_i(j; S), the later members of S whose access ES is j.
/// </summary>
public static class HeuristicSlot
{
    public static void HeuristicSlotKernel(Index1D e, V2xState s, V2xHeuristicArgs a)
    {
        int m = s.Vehicles(e), n = s.Servers(e);
        var kind = (V2xHeuristic)a.Heuristic;
        var rng = new CounterRng(a.PolicySeed, s.RngEnv[e], s.EpisodeIndex[e], s.Slot[e]);
        int c0 = e * s.NMax;
        a.Counts.Clear(c0, s.NMax);
        for (int i = 0; i < m; i++)
        {
            int v = s.Veh(e, i);
            byte coin = 1;
            if (kind == V2xHeuristic.RandomCoin) coin = rng.Uniform(V2xStreams.Rocs, i) <= 0.5f ? (byte)1 : (byte)0;
            a.Coins[v] = coin;
            int access = s.AccessEs[v];
            if (coin != 0 && access >= 0) a.Counts[c0 + access]++;
        }

        for (int i = 0; i < m; i++)
        {
            int v = s.Veh(e, i);
            int access = s.AccessEs[v];
            if (a.Coins[v] != 0 && access >= 0) a.Counts[c0 + access]--;
            V2xRules.WriteObservation(s, e, i, s.TurnObs, v * s.ObsSize);
            int x = 0;
            float ap = 0f, af = 0f, ab = 0f;
            if (kind == V2xHeuristic.AllMec || kind == V2xHeuristic.RandomCoin)
            {
                if (a.Coins[v] != 0 && access >= 0)
                {
                    x = access + 1;
                    ap = 1f;
                    af = 1f / (1 + a.Counts[c0 + access]);
                    ab = af;
                }
            }
            else if (kind == V2xHeuristic.GreedyDt)
            {
                float best = V2xRules.Outcome(s, e, i, 0, -1, 0f, 0f, 0f).Cost;
                float pMax = s.P(e, V2xParameters.PmaxW);
                for (int j = 0; j < n; j++)
                {
                    int k = V2xRules.UploadFor(s, e, i, j);
                    if (k < 0) continue;
                    float shareF = 1f / (1 + a.Counts[c0 + j]), shareB = 1f / (1 + a.Counts[c0 + k]);
                    float f = shareF * s.DtFremHz[s.Es(e, j)], b = shareB * s.DtBremHz[s.Es(e, k)];
                    float c = V2xRules.Outcome(s, e, i, j + 1, k, pMax, f, b).Cost;
                    if (c < best) { best = c; x = j + 1; ap = 1f; af = shareF; ab = shareB; }
                }
            }
            V2xRules.ApplyDecision(s, e, i, x, ap, af, ab);
            s.RawAction[s.Action(e, i, 0)] = V2xRules.EncodeTarget(s, e, x);
            s.RawAction[s.Action(e, i, 1)] = 2f * ap - 1f;
            s.RawAction[s.Action(e, i, 2)] = 2f * af - 1f;
            s.RawAction[s.Action(e, i, 3)] = 2f * ab - 1f;
            Kernels.Decisions.WriteMask(s, e, i);
        }
        s.DtCursor[e] = m;
    }

    /// <summary>Uniform raw actions u ~ U[−1, 1]⁴ for every active vehicle; the env decodes them in Step.</summary>
    public static void RandomActionsKernel(Index1D e, V2xState s, V2xHeuristicArgs a)
    {
        var rng = new CounterRng(a.PolicySeed, s.RngEnv[e], s.EpisodeIndex[e], s.Slot[e]);
        int m = s.Vehicles(e);
        for (int i = 0; i < m; i++)
        {
            var u = rng.Uniforms(V2xStreams.RandomPolicy, i);
            s.RawAction[s.Action(e, i, 0)] = 1f - 2f * u.A;
            s.RawAction[s.Action(e, i, 1)] = 1f - 2f * u.B;
            s.RawAction[s.Action(e, i, 2)] = 1f - 2f * u.C;
            s.RawAction[s.Action(e, i, 3)] = 1f - 2f * u.D;
        }
    }
}
