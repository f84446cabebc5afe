using GpuTwin.VecEnv.Scenarios;
using GpuTwin.VecEnv.Scenarios.IotMigration;
using ILGPU;
using ILGPU.Runtime;
using static GpuTwin.VecEnv.Scenarios.IotMigration.IotMigrationParameters;

namespace GpuTwin.Training.Tabular;

/// <summary>
/// Binds the tabular learners to an iot-migration batch: builds the <see cref="TabularEnvView"/> over the env's
/// own state views, plus the two per-env constants the learners need (θ levels, migration mask) uploaded once.
/// </summary>
public sealed class IotMigrationBinding : IDisposable
{
    private readonly MemoryBuffer1D<int, Stride1D.Dense> _levels;
    private readonly MemoryBuffer1D<byte, Stride1D.Dense> _edgeOnly;

    public IotMigrationEnv Env { get; }

    public IotMigrationBinding(IotMigrationEnv env)
    {
        Env = env;
        var grid = env.Parameters;
        _levels = env.Device.Upload(Enumerable.Range(0, env.NumEnvs).Select(e => (int)grid.Value(e, ThetaLevels)).ToArray());
        _edgeOnly = env.Device.Upload(Enumerable.Range(0, env.NumEnvs)
            .Select(e => (byte)((int)grid.Value(e, MigrationMask) == MigrationMaskCellEdgeOnly ? 1 : 0)).ToArray());
    }

    /// <summary>The learners' view of the env now (the env's seed changes at every reset).</summary>
    public TabularEnvView View()
    {
        var s = Env.State;
        return new TabularEnvView
        {
            NumEnvs = s.NumEnvs, UMax = s.UMax, NMax = s.NMax,
            // ε-greedy draws are keyed apart from the env's own draws, like the baselines' (RANDPOL subs 1, 2).
            Seed = HeuristicTable<int>.PolicySeed(s.Seed),
            UserActive = s.UserActive, Requested = s.Requested, Refused = s.Refused, Serving = s.Serving, Target = s.Target,
            ObsIl = s.ObsIl, ObsJal = s.ObsJal, FinalObsIl = s.FinalObsIl, FinalObsJal = s.FinalObsJal,
            Order = s.Order, NReq = s.NReq, Episode = s.Episode, Slot = s.Slot, Truncated = s.Truncated,
            UserReward = s.UserReward, Actions = s.ActionIn, ThetaLevels = _levels.View, MigrateAtEdgeOnly = _edgeOnly.View,
        };
    }

    /// <summary>A learner shaped for this batch.</summary>
    public TabularLearner CreateLearner(TabularOptions options) =>
        new(Env.Device, Env.NumEnvs, Env.UMax, Env.NumServers, Env.NumActions, options);

    public void Dispose()
    {
        _levels.Dispose();
        _edgeOnly.Dispose();
    }
}
