using ILGPU;

namespace GpuTwin.VecEnv.Scenarios.V2xOffloading.Kernels;

/// <summary>
/// The critics' global state s(t) = concat(o_0, …, o_{M−1}), each o_i as observed at its own turn (eq. 21).
/// For truncated envs the final state is the slot that would follow (positions after the move, new D and H)
/// with the DT at full capacity for every vehicle (the spec's hypothetical slot without the behaviour replay).
/// </summary>
public static class GlobalState
{
    public static void GlobalStateKernel(Index1D e, V2xState s)
    {
        int o = e * s.GlobalSize;
        for (int c = 0; c < s.GlobalSize; c++) s.Global[o + c] = s.TurnObs[o + c];
    }

    /// <summary>Runs after the next slot's draws of the old episode and before the auto-reset.</summary>
    public static void FinalStateKernel(Index1D e, V2xState s)
    {
        if (s.Truncated[e] == 0) return;
        for (int i = 0; i < s.MMax; i++) V2xRules.WriteObservation(s, e, i, s.FinalGlobal, s.Veh(e, i) * s.ObsSize);
    }
}
