using ILGPU;
using static GpuTwin.VecEnv.Scenarios.V2xOffloading.V2xParameters;

namespace GpuTwin.VecEnv.Scenarios.V2xOffloading.Kernels;

/// <summary>S4–S9: rates, delays, energies, failures, costs, per-vehicle rewards R_i = −c_i and R(t) = mean R_i.</summary>
public static class SlotResolve
{
    public static void ResolveKernel(Index1D e, V2xState s)
    {
        int m = s.Vehicles(e);
        float sum = 0f;
        for (int i = 0; i < s.MMax; i++)
        {
            int v = s.Veh(e, i);
            if (i >= m)
            {
                s.CostI[v] = 0f; s.RewardI[v] = 0f;
                continue;
            }
            var o = V2xRules.Outcome(s, e, i, s.Target[v], s.UploadEs[v], s.TxPowerW[v], s.CpuHz[v], s.BwHz[v]);
            s.RateBps[v] = o.RateBps;
            s.UploadS[v] = o.UploadS;
            s.DelayS[v] = o.DelayS;
            s.EnergyJ[v] = o.EnergyJ;
            s.Failed[v] = o.Failed ? (byte)1 : (byte)0;
            s.CostI[v] = o.Cost;
            s.RewardI[v] = -o.Cost;
            sum += o.Cost;
        }
        float r = -sum / m;
        s.RewardRaw[e] = r;
        s.Reward[e] = (int)s.P(e, RewardScale) == RewardRaw ? r : r / V2xRules.CostRef(s, e);
    }
}
