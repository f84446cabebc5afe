using GpuTwin.Kernels.Memory;
using GpuTwin.VecEnv.Policies;
using GpuTwin.VecEnv.Running;
using ILGPU;
using ILGPU.Runtime;

namespace GpuTwin.VecEnv.Scenarios.IotMigration;

/// <summary>
/// Env 0's requesters and servers of each resolved slot, read between resolution and the advance, so decisions,
/// rates and latency terms in one record belong to the same slot. Debug tooling.
/// </summary>
public static class IotMigrationTrace
{
    public static IReadOnlyList<IReadOnlyDictionary<string, object>> Record(IotMigrationEnv env, IVecPolicy policy, int steps, ulong seed) =>
        SlotTrace.Record(env, policy, steps, seed, () => Env0(env));

    private static IReadOnlyDictionary<string, object> Env0(IotMigrationEnv env)
    {
        var s = env.State;
        int users = (int)(env.Parameters.Value(0, IotMigrationParameters.UsersPerServer) * env.Parameters.Value(0, IotMigrationParameters.Servers));
        int servers = (int)env.Parameters.Value(0, IotMigrationParameters.Servers);
        T[] Slice<T>(FieldView<T> v, int n) where T : unmanaged => v.SubView(0, n).GetAsArray();
        T One<T>(FieldView<T> v) where T : unmanaged => v.SubView(0, 1).GetAsArray()[0];
        int u = env.UMax;
        var x = Slice(s.PosX, u); var y = Slice(s.PosY, u); var bits = Slice(s.TaskBits, u);
        var serving = Slice(s.Serving, u); var target = Slice(s.Target, u); var ratio = Slice(s.DistRatio, u);
        var action = Slice(s.Action, u); var eff = Slice(s.ActionEff, u); var ctx = Slice(s.Context, u);
        var refused = Slice(s.Refused, u); var ok = Slice(s.AuthOk, u); var reason = Slice(s.AuthReason, u);
        var sinr = Slice(s.Sinr, u); var rate = Slice(s.RateBps, u); var hs = Slice(s.HandshakeS, u);
        var tl = Slice(s.TLocal, u); var tt = Slice(s.TTrans, u); var te = Slice(s.TExe, u); var tm = Slice(s.TMig, u);
        var te2 = Slice(s.TExe2, u); var tp = Slice(s.TProc, u); var r = Slice(s.UserReward, u);
        var list = new List<Dictionary<string, object>>();
        for (int i = 0; i < users; i++)
        {
            if (action[i] == IotMigrationRules.NoTask) continue;
            list.Add(new Dictionary<string, object>
            {
                ["i"] = i, ["x_m"] = x[i], ["y_m"] = y[i], ["task_bits"] = bits[i], ["serving"] = serving[i], ["target"] = target[i],
                ["dist_ratio"] = ratio[i], ["action"] = action[i], ["action_eff"] = eff[i], ["context"] = ctx[i],
                ["auth_ok"] = ok[i], ["auth_reason"] = reason[i], ["refused"] = refused[i],
                ["sinr"] = sinr[i], ["rate_bps"] = rate[i], ["handshake_s"] = hs[i],
                ["t_local_s"] = tl[i], ["t_trans_s"] = tt[i], ["t_exe_s"] = te[i], ["t_mig_s"] = tm[i], ["t_exe2_s"] = te2[i],
                ["t_proc_s"] = tp[i], ["reward"] = r[i],
            });
        }
        return new Dictionary<string, object>
        {
            ["slot"] = One(s.Slot),
            ["episode"] = One(s.Episode),
            ["order_offset"] = One(s.OrderOffset),
            ["requesters"] = One(s.NReq),
            ["reward_env"] = One(s.RewardEnv),
            ["server_load"] = Slice(s.Load, servers),
            ["req_serving"] = Slice(s.ReqServing, servers),
            ["users"] = list,
        };
    }
}
