namespace GpuTwin.VecEnv.Parameters;

/// <summary>Bad user input for a scenario parameter; the message names the key and the allowed range.</summary>
public sealed class ParameterException(string message) : Exception(message);
