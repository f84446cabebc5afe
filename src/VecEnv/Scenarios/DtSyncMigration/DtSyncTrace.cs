using GpuTwin.Kernels.Memory;
using GpuTwin.VecEnv.Policies;
using GpuTwin.VecEnv.Running;
using ILGPU;
using ILGPU.Runtime;

namespace GpuTwin.VecEnv.Scenarios.DtSyncMigration;

/// <summary>
/// Env 0's per-MU quantities of each resolved slot, read back to the host between resolution and the move
/// to the next slot, so positions, requests and outcomes in one record belong to the same slot.
/// Debug tooling: it synchronises every step and is not meant for throughput.
/// </summary>
public static class DtSyncTrace
{
    public static IReadOnlyList<IReadOnlyDictionary<string, object>> Record(DtSyncEnv env, IVecPolicy policy, int steps, ulong seed) =>
        SlotTrace.Record(env, policy, steps, seed, () => Env0(env));

    private static IReadOnlyDictionary<string, object> Env0(DtSyncEnv env)
    {
        env.Device.Synchronize();
        var s = env.State;
        int k = (int)env.Parameters.Value(0, DtSyncParameters.K);
        T[] Mu<T>(FieldView<T> v) where T : unmanaged => v.SubView(0, k).GetAsArray();
        T One<T>(FieldView<T> v) where T : unmanaged => v.SubView(0, 1).GetAsArray()[0];
        var x = Mu(s.PosX); var y = Mu(s.PosY); var req = Mu(s.Requested); var d = Mu(s.DataBits); var c = Mu(s.CyclesPerBit);
        var assoc = Mu(s.Assoc); var host = Mu(s.DtHost); var p = Mu(s.TxPowerW); var sinr = Mu(s.Sinr);
        var rate = Mu(s.RateBps); var cpu = Mu(s.CpuHz); var wired = Mu(s.WiredBps); var delay = Mu(s.DelayS);
        var failed = Mu(s.Failed); var blocked = Mu(s.Blocked); var energy = Mu(s.EnergyJ); var yq = Mu(s.VQueue);
        var yf = Mu(s.VQueueFrame); var countdown = Mu(s.MigCountdown);
        var mus = new List<Dictionary<string, object>>(k);
        for (int i = 0; i < k; i++)
        {
            mus.Add(new Dictionary<string, object>
            {
                ["k"] = i, ["x_m"] = x[i], ["y_m"] = y[i], ["requested"] = req[i], ["data_bits"] = d[i],
                ["cycles_per_bit"] = c[i], ["assoc"] = assoc[i], ["dt_host"] = host[i], ["tx_power_w"] = p[i],
                ["sinr"] = sinr[i], ["rate_bps"] = rate[i], ["cpu_hz"] = cpu[i], ["wired_bps"] = wired[i],
                ["delay_s"] = delay[i], ["failed"] = failed[i], ["blocked"] = blocked[i], ["energy_j"] = energy[i],
                ["vqueue"] = yq[i], ["vqueue_frame"] = yf[i], ["mig_countdown"] = countdown[i],
            });
        }
        return new Dictionary<string, object>
        {
            ["slot"] = One(s.Slot),
            ["episode"] = One(s.EpisodeIndex),
            ["reward_global"] = One(s.RewardGlobal),
            ["reward_center"] = One(s.RewardCenter),
            ["migrations"] = One(s.FrameMigrations),
            ["mus"] = mus,
        };
    }
}
