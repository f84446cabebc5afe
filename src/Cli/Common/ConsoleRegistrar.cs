using Spectre.Console;
using Spectre.Console.Cli;

namespace GpuTwin.Cli.Common;

/// <summary>
/// Minimal DI for Spectre.Console.Cli: commands take the <see cref="IAnsiConsole"/> they write to in their
/// constructor, so tests can run them against a test console. Supports IEnumerable&lt;T&gt; of registrations.
/// </summary>
public sealed class ConsoleRegistrar : ITypeRegistrar, ITypeResolver
{
    private readonly Dictionary<Type, List<Func<object>>> _factories = new();

    public ConsoleRegistrar(IAnsiConsole console) => RegisterInstance(typeof(IAnsiConsole), console);

    public ITypeResolver Build() => this;
    public void Register(Type service, Type implementation) => Add(service, () => Create(implementation));
    public void RegisterInstance(Type service, object implementation) => Add(service, () => implementation);
    public void RegisterLazy(Type service, Func<object> factory) => Add(service, factory);

    private void Add(Type service, Func<object> factory)
    {
        if (!_factories.TryGetValue(service, out var list)) _factories[service] = list = [];
        list.Add(factory);
    }

    public object? Resolve(Type? type)
    {
        if (type == null) return null;
        if (_factories.TryGetValue(type, out var f)) return f[^1]();
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>))
        {
            var item = type.GetGenericArguments()[0];
            var all = _factories.TryGetValue(item, out var list) ? list.Select(x => x()).ToArray() : [];
            var array = Array.CreateInstance(item, all.Length);
            for (int i = 0; i < all.Length; i++) array.SetValue(all[i], i);
            return array;
        }
        return type.IsAbstract || type.IsInterface ? null : Create(type);
    }

    private object Create(Type type)
    {
        var ctor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var args = ctor.GetParameters().Select(p => Resolve(p.ParameterType)).ToArray();
        return ctor.Invoke(args);
    }
}
