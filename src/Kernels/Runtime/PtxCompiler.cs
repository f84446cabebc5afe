using System.Reflection;
using ILGPU;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;

namespace GpuTwin.Kernels.Runtime;

/// <summary>
/// Compiles kernels to PTX without a GPU, so a CPU-only CI catches kernels that CUDA would reject.
/// A kernel is any static method named <c>*Kernel</c> whose first parameter is <see cref="Index1D"/>.
/// </summary>
public sealed class PtxCompiler : IDisposable
{
    private readonly Context _context;
    private readonly PTXBackend _backend;

    public CudaArchitecture Architecture { get; }

    public PtxCompiler(CudaArchitecture architecture)
    {
        Architecture = architecture;
        _context = Context.Create(b => b.Default().EnableAlgorithms());
        _backend = new PTXBackend(_context, new CudaCapabilityContext(architecture), architecture, CudaInstructionSet.ISA_80, null);
    }

    /// <summary>Returns the PTX assembly of one kernel; throws when ILGPU cannot compile it.</summary>
    public string Compile(MethodInfo kernel)
    {
        var compiled = _backend.Compile(EntryPointDescription.FromImplicitlyGroupedKernel(kernel), default(KernelSpecialization));
        return ((PTXCompiledKernel)compiled).PTXAssembly;
    }

    /// <summary>Every kernel method in the given assemblies.</summary>
    public static IReadOnlyList<MethodInfo> FindKernels(params Assembly[] assemblies) =>
        assemblies.SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(m => m.Name.EndsWith("Kernel", StringComparison.Ordinal)
                        && !m.IsGenericMethodDefinition
                        && m.GetParameters() is { Length: > 0 } p && p[0].ParameterType == typeof(Index1D))
            .OrderBy(m => m.DeclaringType!.FullName + "." + m.Name, StringComparer.Ordinal)
            .ToList();

    public void Dispose()
    {
        _backend.Dispose();
        _context.Dispose();
    }
}
