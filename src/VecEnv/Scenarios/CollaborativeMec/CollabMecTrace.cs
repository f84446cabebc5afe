using GpuTwin.Kernels.Memory;
using GpuTwin.VecEnv.Policies;
using GpuTwin.VecEnv.Running;
using ILGPU;
using ILGPU.Runtime;

namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec;

/// <summary>
/// Env 0's per-BS and per-device quantities of each resolved slot, read between <see cref="CollabMecEnv.Resolve"/>
/// and <see cref="CollabMecEnv.Advance"/>, so tasks, decisions and outcomes in one record belong to the same slot.
/// Batteries are Q^E(t + 1) (after the slot). Debug tooling.
/// </summary>
public static class CollabMecTrace
{
    public static IReadOnlyList<IReadOnlyDictionary<string, object>> Record(CollabMecEnv env, IVecPolicy policy, int steps, ulong seed) =>
        SlotTrace.Record(env, policy, steps, seed, () => Env0(env));

    private static IReadOnlyDictionary<string, object> Env0(CollabMecEnv env)
    {
        env.Device.Synchronize();
        var s = env.State;
        int n = env.NMax, u = env.UMax, slots = n * u;
        T[] Slice<T>(FieldView<T> v, int len) where T : unmanaged => v.SubView(0, len).GetAsArray();
        T One<T>(FieldView<T> v) where T : unmanaged => v.SubView(0, 1).GetAsArray()[0];
        var active = Slice(s.DevActive, slots);
        var p = Slice(s.TxPowerW, slots); var q = Slice(s.BatteryJ, slots); var z = Slice(s.SizeBits, slots);
        var v = Slice(s.CyclesPerBit, slots); var delta = Slice(s.DeadlineS, slots); var g = Slice(s.Award, slots);
        var h = Slice(s.Gain, slots); var harvest = Slice(s.HarvestJ, slots); var rate0 = Slice(s.Rate0Bps, slots);
        var x1 = Slice(s.NnOffload, slots); var x2 = Slice(s.EnergyOk, slots); var x = Slice(s.Offload, slots);
        var target = Slice(s.Target, slots); var demand = Slice(s.DemandHz, slots); var prio = Slice(s.Priority, slots);
        var f = Slice(s.AllocHz, slots); var rate = Slice(s.RateBps, slots); var delay = Slice(s.DelayS, slots);
        var done = Slice(s.Completed, slots); var energy = Slice(s.UploadEnergyJ, slots);
        var cpu = Slice(s.CpuHz, n); var cell = Slice(s.CellRxPowerW, n); var home = Slice(s.HomeIncome, n);
        var bsActive = Slice(s.BsActive, n);
        var bsList = new List<Dictionary<string, object>>(n);
        for (int i = 0; i < n; i++)
        {
            if (bsActive[i] == 0) continue;
            var devices = new List<Dictionary<string, object>>();
            for (int j = 0; j < u; j++)
            {
                int k = i * u + j;
                if (active[k] == 0) continue;
                devices.Add(new Dictionary<string, object>
                {
                    ["j"] = j, ["tx_power_w"] = p[k], ["size_bits"] = z[k], ["cycles_per_bit"] = v[k], ["deadline_s"] = delta[k],
                    ["award"] = g[k], ["gain"] = h[k], ["harvest_j"] = harvest[k], ["rate0_bps"] = rate0[k],
                    ["nn_offload"] = x1[k], ["energy_ok"] = x2[k], ["offload"] = x[k], ["target"] = target[k],
                    ["demand_hz"] = demand[k], ["priority"] = prio[k], ["alloc_hz"] = f[k], ["rate_bps"] = rate[k],
                    ["delay_s"] = delay[k], ["completed"] = done[k], ["upload_energy_j"] = energy[k], ["battery_after_j"] = q[k],
                });
            }
            bsList.Add(new Dictionary<string, object>
            {
                ["i"] = i, ["cpu_hz"] = cpu[i], ["cell_rx_power_w"] = cell[i], ["home_income"] = home[i], ["devices"] = devices,
            });
        }
        return new Dictionary<string, object>
        {
            ["slot"] = One(s.Slot),
            ["episode"] = One(s.EpisodeIndex),
            ["income"] = One(s.Reward),
            ["bss"] = bsList,
        };
    }
}
