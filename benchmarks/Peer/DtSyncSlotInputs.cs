using GpuTwin.Kernels.Memory;
using GpuTwin.Kernels.Random;
using GpuTwin.VecEnv.Scenarios.DtSyncMigration;
using ILGPU;
using ILGPU.Runtime;
using static GpuTwin.VecEnv.Scenarios.DtSyncMigration.DtSyncParameters;

namespace GpuTwin.Benchmarks.Peer;

/// <summary>
/// Everything one dt-sync slot resolution reads, copied to host arrays from a <see cref="DtSyncEnv"/> after its
/// slot draws and the policies' actions and before <see cref="DtSyncEnv.Resolve"/>: the same random draws and
/// the same state the kernels will see. Per-MU fields are [E, K] row-major, gains [E, K, M], BS shares [E, M, 2K].
/// </summary>
/// <remarks>
/// The mobility noise is not stored in the env state (the mobility kernel draws it as it moves); it is
/// regenerated here with the env's counter-based RNG at the same key (seed, env, episode, slot, stream
/// <see cref="DtSyncStreams.Mobility"/>, entity k), so it is the very draw the kernel will use. Only the RNG is
/// shared with the kernels, none of the physics.
/// </remarks>
public sealed class DtSyncSlotInputs
{
    public required int NumEnvs { get; init; }
    public required int K { get; init; }
    public required int M { get; init; }

    /// <summary>The env's device parameter block [E, ParamCount] (float32, as the kernels read it).</summary>
    public required float[] Params { get; init; }
    public required int ParamCount { get; init; }

    public required int[] Slot { get; init; }              // [E] n
    public required float[] Gain { get; init; }            // [E, K, M] |h|²
    public required byte[] Requested { get; init; }        // [E, K] a_k
    public required float[] DataBits { get; init; }        // [E, K] D_k
    public required float[] CyclesPerBit { get; init; }    // [E, K] C_k
    public required float[] DeadlineS { get; init; }       // [E, K] τ_k

    public required int[] AssocAction { get; init; }       // [E, K] α action
    public required float[] PowerAction { get; init; }     // [E, K] x_p
    public required float[] ShareAction { get; init; }     // [E, M, 2K] wired shares then CPU shares
    public required int[] ProposalAction { get; init; }    // [E, K] β̃

    public required int[] DtHost { get; init; }            // [E, K] β before this slot's frame-start rule
    public required int[] MigCountdown { get; init; }      // [E, K]
    public required float[] VQueue { get; init; }          // [E, K] Y[n]
    public required float[] VQueueFrame { get; init; }     // [E, K] Y[qT] (replaced at a frame start)

    public required float[] PosX { get; init; }            // [E, K]
    public required float[] PosY { get; init; }
    public required float[] Speed { get; init; }
    public required float[] Heading { get; init; }
    public required float[] MeanSpeed { get; init; }
    public required float[] MeanHeading { get; init; }
    public required float[] SpeedNoise { get; init; }      // [E, K] standard normal behind Φ_k
    public required float[] HeadingNoise { get; init; }    // [E, K] standard normal behind Ψ_k

    public float P(int env, int parameter) => Params[env * ParamCount + parameter];

    /// <summary>
    /// Copies the slot from the env. Only the configuration the peer implements is accepted (fixed K and M,
    /// learned association, physical interference, proportional shares, energy capped at δt, w_E = 1/K,
    /// blocked MUs silent, reflecting border); anything else throws <see cref="NotSupportedException"/>.
    /// </summary>
    public static DtSyncSlotInputs Capture(DtSyncEnv env)
    {
        env.Device.Synchronize();
        var s = env.State;
        int e = env.NumEnvs, k = env.KMax, m = env.MMax;
        var p = Read(s.Params);
        var inputs = new DtSyncSlotInputs
        {
            NumEnvs = e, K = k, M = m, Params = p, ParamCount = s.ParamCount,
            Slot = Read(s.Slot, e),
            Gain = Read(s.Gain, e * k * m),
            Requested = Read(s.Requested, e * k),
            DataBits = Read(s.DataBits, e * k),
            CyclesPerBit = Read(s.CyclesPerBit, e * k),
            DeadlineS = Read(s.DeadlineS, e * k),
            AssocAction = Read(s.MuAssocAction, e * k),
            PowerAction = Read(s.MuPowerAction, e * k),
            ShareAction = Read(s.BsShareAction, e * m * 2 * k),
            ProposalAction = Read(s.CcProposalAction, e * k),
            DtHost = Read(s.DtHost, e * k),
            MigCountdown = Read(s.MigCountdown, e * k),
            VQueue = Read(s.VQueue, e * k),
            VQueueFrame = Read(s.VQueueFrame, e * k),
            PosX = Read(s.PosX, e * k),
            PosY = Read(s.PosY, e * k),
            Speed = Read(s.Speed, e * k),
            Heading = Read(s.Heading, e * k),
            MeanSpeed = Read(s.MeanSpeed, e * k),
            MeanHeading = Read(s.MeanHeading, e * k),
            SpeedNoise = new float[e * k],
            HeadingNoise = new float[e * k],
        };
        inputs.CheckSupported();

        var episode = Read(s.EpisodeIndex, e);
        for (int env0 = 0; env0 < e; env0++)
        {
            var rng = new CounterRng(s.Seed, env0, episode[env0], inputs.Slot[env0]);
            for (int j = 0; j < k; j++)
            {
                rng.Normal2(DtSyncStreams.Mobility, j, out float z0, out float z1);
                inputs.SpeedNoise[env0 * k + j] = z0;
                inputs.HeadingNoise[env0 * k + j] = z1;
            }
        }
        return inputs;
    }

    private void CheckSupported()
    {
        (int Index, int Value, string What)[] required =
        [
            (Association, AssociationLearned, "association=learned"),
            (Interference, InterferencePhysical, "interference=physical"),
            (ShareMapping, ShareProportional, "share_mapping=proportional"),
            (EnergyCap, EnergyCapSlot, "energy_cap=slot"),
            (EnergyWeight, EnergyWeightPerMu, "energy_weight=per-mu"),
            (BlockedTransmit, 0, "blocked_transmit=no"),
            (Border, 0, "border=reflect"),
        ];
        for (int env = 0; env < NumEnvs; env++)
        {
            if ((int)P(env, DtSyncParameters.K) != K || (int)P(env, DtSyncParameters.M) != M)
                throw new NotSupportedException($"the torch peer needs fixed K and M (env {env} has K={P(env, DtSyncParameters.K)}, M={P(env, DtSyncParameters.M)}; padded K={K}, M={M})");
            foreach (var (index, value, what) in required)
                if ((int)P(env, index) != value)
                    throw new NotSupportedException($"the torch peer implements {what} only (env {env}: {Table.Defs[index].Key}={P(env, index)})");
        }
    }

    private static T[] Read<T>(FieldView<T> view) where T : unmanaged => view.View.GetAsArray();

    private static T[] Read<T>(FieldView<T> view, int length) where T : unmanaged => view.SubView(0, length).GetAsArray();
}
