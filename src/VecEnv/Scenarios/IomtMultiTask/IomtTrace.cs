using GpuTwin.Kernels.Memory;
using GpuTwin.VecEnv.Policies;
using GpuTwin.VecEnv.Running;
using ILGPU;
using ILGPU.Runtime;

namespace GpuTwin.VecEnv.Scenarios.IomtMultiTask;

/// <summary>
/// Env 0's per-user and per-task quantities of each resolved step, read between resolution and the move to
/// the next step, so tasks, actions and outcomes in one record belong to the same step. Debug tooling.
/// </summary>
public static class IomtTrace
{
    public static IReadOnlyList<IReadOnlyDictionary<string, object>> Record(IomtEnv env, IVecPolicy policy, int steps, ulong seed) =>
        SlotTrace.Record(env, policy, steps, seed, () => Env0(env));

    private static IReadOnlyDictionary<string, object> Env0(IomtEnv env)
    {
        env.Device.Synchronize();
        var s = env.State;
        int users = (int)env.Parameters.Value(0, IomtParameters.Users), tasks = (int)env.Parameters.Value(0, IomtParameters.Tasks);
        int servers = (int)env.Parameters.Value(0, IomtParameters.Servers);
        int uMax = env.UMax, jMax = env.JMax, kMax = env.KMax;
        T[] Slice<T>(FieldView<T> v, int n) where T : unmanaged => v.SubView(0, n).GetAsArray();
        T One<T>(FieldView<T> v) where T : unmanaged => v.SubView(0, 1).GetAsArray()[0];
        var x = Slice(s.UserPosX, uMax); var y = Slice(s.UserPosY, uMax); var p = Slice(s.TxPowerW, uMax);
        var left = Slice(s.EnergyLeftJ, uMax); var ra = Slice(s.RewardAgent, uMax);
        var dist = Slice(s.Dist, uMax * kMax); var rho = Slice(s.MeanGainOverN0, uMax * kMax);
        int n = uMax * jMax;
        var d = Slice(s.DataBits, n); var c = Slice(s.Cycles, n); var pr = Slice(s.Priority, n); var w = Slice(s.PrioWeight, n);
        var tg = Slice(s.Target, n); var f = Slice(s.CpuHz, n); var b = Slice(s.BwHz, n); var rate = Slice(s.RateBps, n);
        var delay = Slice(s.DelayS, n); var energy = Slice(s.EnergyJ, n); var r = Slice(s.TaskReward, n);
        var share = Slice(s.ShareAction, 2 * n);
        var userList = new List<Dictionary<string, object>>(users);
        for (int i = 0; i < users; i++)
        {
            var taskList = new List<Dictionary<string, object>>(tasks);
            for (int j = 0; j < tasks; j++)
            {
                int t = i * jMax + j;
                taskList.Add(new Dictionary<string, object>
                {
                    ["j"] = j, ["data_bits"] = d[t], ["cycles"] = c[t], ["priority"] = pr[t], ["weight"] = w[t],
                    ["target"] = tg[t], ["x_f"] = share[2 * t], ["x_b"] = share[2 * t + 1], ["cpu_hz"] = f[t],
                    ["bw_hz"] = b[t], ["rate_bps"] = rate[t], ["delay_s"] = delay[t], ["energy_j"] = energy[t], ["reward"] = r[t],
                });
            }
            userList.Add(new Dictionary<string, object>
            {
                ["i"] = i, ["x_m"] = x[i], ["y_m"] = y[i], ["tx_power_w"] = p[i], ["energy_left_j"] = left[i],
                ["reward"] = ra[i],
                ["dist_m"] = Enumerable.Range(0, servers).Select(k => dist[i * kMax + k]).ToArray(),
                ["rho_hz"] = Enumerable.Range(0, servers).Select(k => rho[i * kMax + k]).ToArray(),
                ["tasks"] = taskList,
            });
        }
        return new Dictionary<string, object>
        {
            ["step"] = One(s.Step),
            ["episode"] = One(s.EpisodeIndex),
            ["reward_system"] = One(s.RewardSystem),
            ["terminated"] = One(s.Terminated),
            ["server_load"] = Slice(s.ServerLoadTasks, servers),
            ["users"] = userList,
        };
    }
}
