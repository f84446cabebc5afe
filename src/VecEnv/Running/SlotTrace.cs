using GpuTwin.VecEnv.Policies;

namespace GpuTwin.VecEnv.Running;

/// <summary>The trace loop shared by every scenario: act, resolve, record env 0's slot, advance.</summary>
public static class SlotTrace
{
    public static IReadOnlyList<IReadOnlyDictionary<string, object>> Record(ISlotEnv env, IVecPolicy policy, int steps, ulong seed,
        Func<IReadOnlyDictionary<string, object>> env0)
    {
        env.Reset(seed);
        var records = new List<IReadOnlyDictionary<string, object>>(steps);
        for (int t = 0; t < steps; t++)
        {
            PolicyRunner.Act(env, policy, t);
            env.Resolve();
            env.Device.Synchronize();
            records.Add(env0());
            env.Advance();
        }
        return records;
    }
}
