using GpuTwin.Kernels.Numerics;
using GpuTwin.Kernels.Random;
using static GpuTwin.VecEnv.Scenarios.IotMigration.IotMigrationParameters;
using St = GpuTwin.VecEnv.Scenarios.IotMigration.IotMigrationStreams;

namespace GpuTwin.VecEnv.Scenarios.IotMigration.Kernels;

/// <summary>The task and request draws of spec §3, shared by the reset and the advance.</summary>
public static class Draws
{
    /// <summary>B ~ U[(1 − s)·B̄, (1 + s)·B̄] from the TASK stream.</summary>
    public static float TaskBits(in IotMigrationState s, int e, in CounterRng rng, int i)
    {
        float mean = s.P(e, TaskMeanBits), spread = s.P(e, TaskSpread);
        return mean * (1f - spread + 2f * spread * St.Draw(rng, St.Task, 0, i));
    }

    /// <summary>a = 1(u_REQ &lt; 1 − e^(−λ)): at least one Poisson(λ) arrival in the slot.</summary>
    public static byte Request(in CounterRng rng, int i, float lambda) =>
        St.Draw(rng, St.Req, 0, i) < 1f - FMath.Exp(-lambda) ? (byte)1 : (byte)0;
}
