namespace GpuTwin.VecEnv.Parameters;

/// <summary>One swept parameter and its values, parsed from <c>key=v1,v2,...</c>.</summary>
public sealed record Sweep(string Key, IReadOnlyList<double> Values)
{
    public static Sweep Parse(ParameterTable table, string text)
    {
        int eq = text.IndexOf('=');
        if (eq <= 0 || eq == text.Length - 1)
            throw new ParameterException($"--sweep '{text}': expected key=v1,v2,...");
        var def = table[text[..eq]];
        var values = text[(eq + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(def.Parse).ToArray();
        if (values.Length == 0) throw new ParameterException($"--sweep {def.Key}: no values given");
        return new Sweep(def.Key, values);
    }

    /// <summary>Parses <c>key=value</c> into (index, value).</summary>
    public static (int Index, double Value) ParseSet(ParameterTable table, string text)
    {
        int eq = text.IndexOf('=');
        if (eq <= 0 || eq == text.Length - 1)
            throw new ParameterException($"--set '{text}': expected key=value");
        int i = table.IndexOf(text[..eq]);
        return (i, table.Defs[i].Parse(text[(eq + 1)..]));
    }
}
