namespace GpuTwin.Benchmarks.Step;

/// <summary>Category names shared by the step benchmarks (filter with <c>--anyCategories</c>).</summary>
public static class StepCategories
{
    /// <summary>The fast host path (<c>--device cpu</c>).</summary>
    public const string Cpu = "cpu";
    /// <summary>ILGPU's CPU emulator (<c>--device ilgpu-cpu</c>).</summary>
    public const string IlgpuCpu = "ilgpu-cpu";
    /// <summary>ILGPU's CUDA accelerator (<c>--device cuda</c>); skipped without a GPU.</summary>
    public const string Cuda = "cuda";
    public const string EnvStep = "env-step";
    public const string PolicyStep = "policy+step";
}
