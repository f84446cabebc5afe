namespace GpuTwin.Tests.Common;

/// <summary>A case of an abstract suite's theory, shown and looked up by its name.</summary>
public interface INamedCase
{
    string Name { get; }
}
