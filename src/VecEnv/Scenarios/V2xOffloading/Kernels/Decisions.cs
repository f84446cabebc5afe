using ILGPU;

namespace GpuTwin.VecEnv.Scenarios.V2xOffloading.Kernels;

/// <summary>
/// S2, the sequential decisions of spec §5, one thread per env: observe vehicle i from the current DT, then
/// decode its raw action, check feasibility and update the DT before vehicle i+1 looks.
/// </summary>
public static class Decisions
{
    /// <summary>Writes o_vehicle from the current DT, or (vehicle = −1) every vehicle's o from the current DT.</summary>
    public static void ObserveKernel(Index1D e, V2xState s, int vehicle)
    {
        if (vehicle >= 0)
        {
            V2xRules.WriteObservation(s, e, vehicle, s.Obs, s.Veh(e, vehicle) * s.ObsSize);
            return;
        }
        for (int i = 0; i < s.MMax; i++) V2xRules.WriteObservation(s, e, i, s.Obs, s.Veh(e, i) * s.ObsSize);
    }

    /// <summary>
    /// Decides vehicle <paramref name="vehicle"/> if it is next in ID order, or (vehicle = −1) every vehicle
    /// from the cursor on, each from the raw action buffer and the DT its predecessors left.
    /// </summary>
    public static void DecideKernel(Index1D e, V2xState s, int vehicle)
    {
        int m = s.Vehicles(e);
        int first = s.DtCursor[e];
        int last = vehicle >= 0 ? vehicle : m - 1;
        if (vehicle >= 0 && vehicle != first) return;
        for (int i = first; i <= last && i < m; i++) DecideOne(s, e, i);
        s.DtCursor[e] = last + 1 < m ? last + 1 : m;
    }

    private static void DecideOne(in V2xState s, int e, int i)
    {
        V2xRules.WriteObservation(s, e, i, s.TurnObs, s.Veh(e, i) * s.ObsSize);
        int x = V2xRules.DecodeTarget(s, e, s.RawAction[s.Action(e, i, 0)]);
        V2xRules.ApplyDecision(s, e, i, x,
            V2xRules.Share(s.RawAction[s.Action(e, i, 1)]),
            V2xRules.Share(s.RawAction[s.Action(e, i, 2)]),
            V2xRules.Share(s.RawAction[s.Action(e, i, 3)]));
        WriteMask(s, e, i);
    }

    /// <summary>Action mask: the target component always acts; p, f, b only when the task was offloaded.</summary>
    public static void WriteMask(in V2xState s, int e, int i)
    {
        byte off = s.Target[s.Veh(e, i)] > 0 ? (byte)1 : (byte)0;
        s.Mask[s.Action(e, i, 0)] = 1;
        s.Mask[s.Action(e, i, 1)] = off;
        s.Mask[s.Action(e, i, 2)] = off;
        s.Mask[s.Action(e, i, 3)] = off;
    }
}
