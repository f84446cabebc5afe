using System.Globalization;

namespace GpuTwin.VecEnv.Parameters;

/// <summary>
/// One scalar scenario parameter. Every parameter is stored per env (float32 on the device), so any of
/// them can be swept inside one batch. Choices are stored as the index of their level.
/// </summary>
public sealed record ParameterDef(
    string Key,
    double Default,
    double Min,
    double Max,
    string Unit,
    string Description,
    ParameterKind Kind = ParameterKind.Real,
    IReadOnlyList<string>? Levels = null,
    string Source = "")
{
    public static ParameterDef Choice(string key, int defaultLevel, IReadOnlyList<string> levels, string description, string source = "") =>
        new(key, defaultLevel, 0, levels.Count - 1, "", description, ParameterKind.Choice, levels, source);

    public string AllowedRange => Kind switch
    {
        ParameterKind.Choice => string.Join("|", Levels!),
        ParameterKind.Integer => $"integer in [{Fmt(Min)}, {Fmt(Max)}]",
        _ => $"[{Fmt(Min)}, {Fmt(Max)}]" + (Unit.Length > 0 ? $" {Unit}" : ""),
    };

    public string Format(double value) => Kind == ParameterKind.Choice ? Levels![(int)value] : Fmt(value);

    /// <summary>Parses and range-checks a value; the error names the key and the allowed range.</summary>
    public double Parse(string text)
    {
        text = text.Trim();
        if (Kind == ParameterKind.Choice)
        {
            for (int i = 0; i < Levels!.Count; i++)
                if (string.Equals(Levels[i], text, StringComparison.OrdinalIgnoreCase)) return i;
            throw new ParameterException($"{Key}: '{text}' is not allowed; allowed: {AllowedRange}");
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || double.IsNaN(v) || double.IsInfinity(v))
            throw new ParameterException($"{Key}: '{text}' is not a number; allowed: {AllowedRange}");
        if (Kind == ParameterKind.Integer && v != Math.Floor(v))
            throw new ParameterException($"{Key}: {text} is not an integer; allowed: {AllowedRange}");
        if (v < Min || v > Max)
            throw new ParameterException($"{Key}: {text} is out of range; allowed: {AllowedRange}");
        return v;
    }

    private static string Fmt(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
