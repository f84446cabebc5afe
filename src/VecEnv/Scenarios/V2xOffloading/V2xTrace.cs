using GpuTwin.Kernels.Memory;
using GpuTwin.VecEnv.Policies;
using GpuTwin.VecEnv.Running;
using ILGPU;
using ILGPU.Runtime;

namespace GpuTwin.VecEnv.Scenarios.V2xOffloading;

/// <summary>
/// Env 0's per-vehicle quantities of each resolved slot, read back between resolution and the move, so
/// positions, tasks, decisions and outcomes in one record belong to the same slot. Debug tooling.
/// </summary>
public static class V2xTrace
{
    public static IReadOnlyList<IReadOnlyDictionary<string, object>> Record(V2xEnv env, IVecPolicy policy, int steps, ulong seed) =>
        SlotTrace.Record(env, policy, steps, seed, () => Env0(env));

    private static IReadOnlyDictionary<string, object> Env0(V2xEnv env)
    {
        env.Device.Synchronize();
        var s = env.State;
        int m = (int)env.Parameters.Value(0, V2xParameters.M), n = (int)env.Parameters.Value(0, V2xParameters.N);
        T[] V<T>(FieldView<T> v) where T : unmanaged => v.SubView(0, m).GetAsArray();
        T[] Es<T>(FieldView<T> v) where T : unmanaged => v.SubView(0, n).GetAsArray();
        T[] Pairs<T>(FieldView<T> v) where T : unmanaged => v.SubView(0, m * env.NMax).GetAsArray();
        T One<T>(FieldView<T> v) where T : unmanaged => v.SubView(0, 1).GetAsArray()[0];
        var x = V(s.PosX); var y = V(s.PosY); var d = V(s.TaskBits); var access = V(s.AccessEs); var target = V(s.Target);
        var up = V(s.UploadEs); var p = V(s.TxPowerW); var f = V(s.CpuHz); var b = V(s.BwHz); var nocov = V(s.NoCoverage);
        var rate = V(s.RateBps); var tUp = V(s.UploadS); var delay = V(s.DelayS); var energy = V(s.EnergyJ);
        var failed = V(s.Failed); var cost = V(s.CostI); var rho2 = V(s.Rho2);
        var dist = Pairs(s.DistM); var gain = Pairs(s.GainLs); var fade = Pairs(s.FadeH);
        var vehicles = new List<Dictionary<string, object>>(m);
        for (int i = 0; i < m; i++)
        {
            float[] Row(float[] a) => Enumerable.Range(0, n).Select(j => a[i * env.NMax + j]).ToArray();
            vehicles.Add(new Dictionary<string, object>
            {
                ["i"] = i, ["x_m"] = x[i], ["y_m"] = y[i], ["task_bits"] = d[i], ["rho2"] = rho2[i],
                ["dist_m"] = Row(dist), ["gain"] = Row(gain), ["fade_h"] = Row(fade), ["access_es"] = access[i],
                ["target"] = target[i], ["upload_es"] = up[i], ["no_coverage"] = nocov[i], ["tx_power_w"] = p[i],
                ["cpu_hz"] = f[i], ["bw_hz"] = b[i], ["rate_bps"] = rate[i], ["upload_s"] = tUp[i],
                ["delay_s"] = delay[i], ["energy_j"] = energy[i], ["failed"] = failed[i], ["cost"] = cost[i],
            });
        }
        return new Dictionary<string, object>
        {
            ["slot"] = One(s.Slot),
            ["episode"] = One(s.EpisodeIndex),
            ["reward"] = One(s.RewardRaw),
            ["f_max_hz"] = Es(s.FmaxHz),
            ["dt_f_rem_hz"] = Es(s.DtFremHz),
            ["dt_b_rem_hz"] = Es(s.DtBremHz),
            ["vehicles"] = vehicles,
        };
    }
}
