using System.Reflection;
using Xunit.Sdk;

namespace GpuTwin.Tests.Common;

/// <summary>
/// Theory data that an abstract suite takes from its concrete test class: the names of the cases in the
/// instance property <c>propertyName</c> (an <see cref="IEnumerable{T}"/> of <see cref="INamedCase"/>).
/// xunit's MemberData looks only at the class that declares the test method, which is the abstract base here.
/// </summary>
[DataDiscoverer("Xunit.Sdk.DataDiscoverer", "xunit.core")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class SuiteCasesAttribute(string propertyName) : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        var type = testMethod.ReflectedType ?? throw new ArgumentException("the test method has no class", nameof(testMethod));
        // The most derived declaration: an override and the abstract property it overrides would be an ambiguous match.
        const BindingFlags declared = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var property = Ancestry(type).Select(t => t.GetProperty(propertyName, declared)).FirstOrDefault(p => p != null)
            ?? throw new ArgumentException($"{type.Name} has no property {propertyName}", nameof(testMethod));
        var cases = (IEnumerable<INamedCase>)property.GetValue(Activator.CreateInstance(type))!;
        return cases.Select(c => new object[] { c.Name });
    }

    private static IEnumerable<Type> Ancestry(Type? type)
    {
        for (; type != null; type = type.BaseType) yield return type;
    }
}
