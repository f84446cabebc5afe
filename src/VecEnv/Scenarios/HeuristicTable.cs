using GpuTwin.VecEnv.Parameters;

namespace GpuTwin.VecEnv.Scenarios;

/// <summary>
/// A scenario's named heuristics: the list <c>gputwin scenarios</c> shows and the lookup behind <c>--policy</c>,
/// with the same one-line error in every scenario.
/// </summary>
public sealed class HeuristicTable<TKind>((string Name, TKind Kind, string Description)[] entries)
{
    /// <summary>Policy draws are keyed apart from the env's (seed XOR this) so they never shift env draws.</summary>
    public const ulong PolicySeedSalt = 0x5DEECE66DUL;

    public IReadOnlyList<PolicyInfo> Policies { get; } = entries.Select(e => new PolicyInfo(e.Name, e.Description)).ToArray();

    /// <summary>The kind named <paramref name="name"/>; a <see cref="ParameterException"/> listing the allowed names otherwise.</summary>
    public TKind Find(string scenarioId, string name)
    {
        foreach (var e in entries)
            if (e.Name == name) return e.Kind;
        throw new ParameterException($"--policy '{name}': unknown for {scenarioId}; allowed: {string.Join("|", entries.Select(x => x.Name))}");
    }

    public static ulong PolicySeed(ulong seed) => seed ^ PolicySeedSalt;
}
