namespace GpuTwin.Cli.Common;

/// <summary>A bad flag value; reported as one line with exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
