using GpuTwin.Kernels.Random;

namespace GpuTwin.VecEnv.Scenarios.IotMigration;

/// <summary>
/// Random streams of iot-migration (spec §3) and how the spec's keys map onto <see cref="CounterRng"/>.
/// <list type="bullet">
/// <item>The spec keys a draw by (seed, env, entity, step, stream, sub) with step = k·(H+2) at the reset of
/// episode k and k·(H+2) + 1 + t for slot t. Our generator keeps the episode apart, so the key is
/// CounterRng(seed, env, episode = k, step = 0 at the reset, 1 + t for slot t, and 1 + H for the advance
/// into the final observation): the same one-to-one key, and no collision between an episode's last
/// advance and the next reset.</item>
/// <item>(stream, sub) is packed into CounterRng's 12-bit stream field as stream·128 + sub (sub &lt; 128; the
/// audit draws use subs up to 5 + 2·63).</item>
/// <item>entity = the user index i, <see cref="EnvEntity"/> = 0xFFFF for per-env draws, <see cref="AuditEntity"/>
/// = 0xFFFE for the host's audit draws (env 0).</item>
/// <item>Uniform gives u ∈ (0, 1]; the spec's u ∈ [0, 1) is 1 − u, which every draw below uses.</item>
/// </list>
/// The trajectory of env e is then a function of (seed, e, actions) only: not of E, the backend or thread order.
/// </summary>
public static class IotMigrationStreams
{
    public const int Pos = 1, Speed = 2, Head0 = 3, Lambda = 4, Task = 5, Req = 6, Turn = 7, Head = 8, Cred = 9, Order = 10, RandPol = 11;
    /// <summary>Extension stream (not in the spec table): uniform server positions of server_layout=random-fixed, keyed at episode 0, step 0.</summary>
    public const int ServerLayout = 12;

    /// <summary>Subs of <see cref="Cred"/>.</summary>
    public const int CredGoodOffset = 0, CredBadOffset = 1, CredBad = 2, CredKind = 3, CredAuditFirst = 4;
    /// <summary>Subs of <see cref="RandPol"/>: the Random baseline, the ε-greedy explore test and the exploration action.</summary>
    public const int RandPolAction = 0, RandPolExplore = 1, RandPolExploreAction = 2;
    /// <summary>Subs of <see cref="Pos"/>.</summary>
    public const int PosX = 0, PosY = 1;

    public const int EnvEntity = 0xFFFF, AuditEntity = 0xFFFE;
    public const int SubsPerStream = 128;

    /// <summary>The generator of the reset of an episode (step 0).</summary>
    public static CounterRng ResetRng(ulong seed, int env, int episode) => new(seed, env, episode, 0);

    /// <summary>The generator of draws made during slot t (ORDER, RANDPOL) and while advancing into slot t (TURN, HEAD, TASK, REQ).</summary>
    public static CounterRng SlotRng(ulong seed, int env, int episode, int slot) => new(seed, env, episode, 1 + slot);

    /// <summary>The generator of a decision draw (RANDPOL) of slot t; host and kernels use the same helper.</summary>
    public static CounterRng DecisionRng(ulong seed, int env, int episode, int slot) => SlotRng(seed, env, episode, slot);

    /// <summary>One draw u ∈ [0, 1) of (stream, sub) for an entity.</summary>
    public static float Draw(in CounterRng rng, int stream, int sub, int entity) =>
        1f - rng.Uniform(stream * SubsPerStream + sub, entity);

    /// <summary>⌊n·u⌋ clamped to [0, n − 1] for u ∈ [0, 1).</summary>
    public static int Index(float u, int n)
    {
        int i = (int)(u * n);
        return i >= n ? n - 1 : (i < 0 ? 0 : i);
    }
}
