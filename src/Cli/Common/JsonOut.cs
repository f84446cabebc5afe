using System.Text.Encodings.Web;
using System.Text.Json;
using Spectre.Console;

namespace GpuTwin.Cli.Common;

/// <summary>Writes one JSON document to the console's raw writer (no wrapping, no markup).</summary>
public static class JsonOut
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Write(IAnsiConsole console, object value)
    {
        console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(value, Options));
        console.Profile.Out.Writer.Flush();
    }
}
