using System.Globalization;

namespace GpuTwin.Training;

/// <summary>
/// Parsing of <c>--set algo.key=value</c> texts shared by every learner's options record: range-checked numbers and
/// flags, each failure naming <c>algo.key</c> and the allowed values.
/// </summary>
public static class AlgoValue
{
    public static ArgumentException Bad(string key, string value, string allowed) => new($"algo.{key}: '{value}' is not allowed; allowed: {allowed}");

    public static double Real(string key, string value, double lo, double hi)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || v < lo || v > hi)
            throw Bad(key, value, $"[{lo.ToString(CultureInfo.InvariantCulture)}, {hi.ToString(CultureInfo.InvariantCulture)}]");
        return v;
    }

    public static int Int(string key, string value, int lo, int hi)
    {
        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) || v < lo || v > hi)
            throw Bad(key, value, $"integer in [{lo}, {hi}]");
        return v;
    }

    public static bool Bool(string key, string value) => value.ToLowerInvariant() switch
    {
        "true" or "1" or "on" or "yes" => true,
        "false" or "0" or "off" or "no" => false,
        _ => throw Bad(key, value, "true|false"),
    };
}
