namespace GpuTwin.VecEnv.Parameters;

/// <summary>A scenario's parameters, in the order of the device parameter block [E, Count].</summary>
public sealed class ParameterTable
{
    private readonly Dictionary<string, int> _index;

    public IReadOnlyList<ParameterDef> Defs { get; }
    public int Count => Defs.Count;

    public ParameterTable(IReadOnlyList<ParameterDef> defs)
    {
        Defs = defs;
        _index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < defs.Count; i++)
        {
            if (!_index.TryAdd(defs[i].Key, i)) throw new ArgumentException($"duplicate parameter {defs[i].Key}");
            if (defs[i].Default < defs[i].Min || defs[i].Default > defs[i].Max)
                throw new ArgumentException($"default of {defs[i].Key} is outside its range");
        }
    }

    public int IndexOf(string key)
    {
        if (_index.TryGetValue(key.Trim(), out int i)) return i;
        throw new ParameterException($"unknown key '{key}'; known keys: {string.Join(", ", Defs.Select(d => d.Key))}");
    }

    public ParameterDef this[string key] => Defs[IndexOf(key)];

    public double[] Defaults() => Defs.Select(d => d.Default).ToArray();
}
