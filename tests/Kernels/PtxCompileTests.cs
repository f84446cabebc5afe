using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Scenarios.DtSyncMigration;
using ILGPU.Runtime.Cuda;

namespace GpuTwin.Tests.Kernels;

/// <summary>Every kernel must compile for CUDA, checked on a machine without a GPU.</summary>
public class PtxCompileTests
{
    public static TheoryData<string> Kernels()
    {
        var data = new TheoryData<string>();
        foreach (var k in PtxCompiler.FindKernels(typeof(PtxCompiler).Assembly, typeof(DtSyncEnv).Assembly))
            data.Add($"{k.DeclaringType!.FullName}.{k.Name}");
        return data;
    }

    [Fact]
    public void FindsTheScenarioKernels()
    {
        var names = PtxCompiler.FindKernels(typeof(DtSyncEnv).Assembly).Select(k => k.Name).ToList();
        Assert.Contains("UplinkKernel", names);
        Assert.Contains("BaselineActionsKernel", names);
        Assert.True(names.Count >= 15, $"only {names.Count} kernels found");
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void CompilesToPtx(string kernel)
    {
        var method = PtxCompiler.FindKernels(typeof(PtxCompiler).Assembly, typeof(DtSyncEnv).Assembly)
            .Single(k => $"{k.DeclaringType!.FullName}.{k.Name}" == kernel);
        foreach (var arch in new[] { CudaArchitecture.SM_90, CudaArchitecture.SM_75 })
        {
            using var compiler = new PtxCompiler(arch);
            string ptx = compiler.Compile(method);
            Assert.Contains(".entry", ptx);
            Assert.Contains(".target sm_", ptx);
        }
    }
}
