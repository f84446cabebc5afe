using GpuTwin.Kernels.Runtime;
using GpuTwin.Training.Tabular;
using ILGPU.Runtime.Cuda;

namespace GpuTwin.Tests.IotMigration.Learning;

/// <summary>The learner kernels compile for CUDA (sm_90 and sm_75), checked without a GPU.</summary>
public class TabularKernelPtxTests
{
    public static TheoryData<string> Kernels()
    {
        var data = new TheoryData<string>();
        foreach (var k in PtxCompiler.FindKernels(typeof(TabularLearner).Assembly)) data.Add($"{k.DeclaringType!.FullName}.{k.Name}");
        return data;
    }

    [Fact]
    public void FindsTheLearnerKernels()
    {
        var names = PtxCompiler.FindKernels(typeof(TabularLearner).Assembly).Select(k => k.Name).ToList();
        Assert.Equal(["IlActKernel", "IlUpdateKernel", "JalActKernel", "JalUpdateKernel", "RecordOrderKernel"], names.Order());
    }

    [Theory]
    [MemberData(nameof(Kernels))]
    public void CompilesToPtx(string kernel)
    {
        var method = PtxCompiler.FindKernels(typeof(TabularLearner).Assembly).Single(k => $"{k.DeclaringType!.FullName}.{k.Name}" == kernel);
        foreach (var arch in new[] { CudaArchitecture.SM_90, CudaArchitecture.SM_75 })
        {
            using var compiler = new PtxCompiler(arch);
            string ptx = compiler.Compile(method);
            Assert.Contains(".entry", ptx);
        }
    }
}
