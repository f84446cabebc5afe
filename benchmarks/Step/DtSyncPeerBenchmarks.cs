using GpuTwin.Benchmarks.Columns;
using BenchmarkDotNet.Attributes;
using GpuTwin.Benchmarks.Peer;
using GpuTwin.Kernels.Runtime;
using TorchSharp;

namespace GpuTwin.Benchmarks.Step;

/// <summary>Category names of the peer benchmarks.</summary>
public static class DtSyncPeerCategories
{
    public const string Peer = "peer";
    public const string PeerCuda = "peer-cuda";
    public const string Kernels = "kernels";
    public const string Torch = "torch";
}

/// <summary>
/// The dt-sync slot resolution of the TorchSharp reference peer (<see cref="DtSyncTorchPeer"/>, TorchSharp CPU)
/// beside the kernels' <c>env.Resolve()</c> on the host path (<c>--device cpu</c>), same batch, same captured
/// slot, same run. One operation = one resolution of the whole batch; the Ratio column is peer / kernels at
/// equal NumEnvs. The kernels' Resolve also does the CC reward, action masks and metric counters, which the
/// peer leaves out, so the ratio understates the peer's cost for equal work.
/// </summary>
[StepJob]
[CategoriesColumn]
[BenchmarkCategory(DtSyncPeerCategories.Peer)]
[AgentsPerEnv(36)] // K + M + 1 agents at the defaults
public class DtSyncPeerBenchmarks
{
    private DtSyncPeerBed? _bed;

    [Params(64, 1024)]
    public int NumEnvs { get; set; }

    /// <summary>TorchSharp's intra-op thread count before any benchmark changed it (in-process runs share one process).</summary>
    private static readonly int DefaultTorchThreads;

    static DtSyncPeerBenchmarks()
    {
        GpuTwin.Training.TorchRuntime.EnsureLoaded();
        DefaultTorchThreads = torch.get_num_threads();
    }

    [GlobalSetup(Targets = [nameof(KernelsResolve), nameof(TorchPeerResolve)])]
    public void Setup()
    {
        _bed = new DtSyncPeerBed(DeviceKind.Cpu, NumEnvs, torch.CPU);
        torch.set_num_threads(DefaultTorchThreads);
    }

    /// <summary>As <see cref="Setup"/>, with TorchSharp's intra-op pool cut to one thread (each case runs in its own process).</summary>
    [GlobalSetup(Target = nameof(TorchPeerResolveOneThread))]
    public void SetupOneThread()
    {
        _bed = new DtSyncPeerBed(DeviceKind.Cpu, NumEnvs, torch.CPU);
        torch.set_num_threads(1);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _bed?.Dispose();
        _bed = null;
    }

    /// <summary>env.Resolve() (S2–S14, CC reward, counters) on the host path.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = DtSyncBatch.StepsPerInvoke)]
    [BenchmarkCategory(DtSyncPeerCategories.Kernels)]
    public void KernelsResolve() => _bed!.ResolveKernels();

    /// <summary>The torch peer's Resolve on TorchSharp CPU, default intra-op threads (one per core).</summary>
    [Benchmark(OperationsPerInvoke = DtSyncBatch.StepsPerInvoke)]
    [BenchmarkCategory(DtSyncPeerCategories.Torch)]
    public void TorchPeerResolve() => _bed!.ResolvePeer();

    /// <summary>The same with <c>torch.set_num_threads(1)</c>: on a small shared machine the OpenMP pool can cost more than it gives.</summary>
    [Benchmark(OperationsPerInvoke = DtSyncBatch.StepsPerInvoke)]
    [BenchmarkCategory(DtSyncPeerCategories.Torch)]
    public void TorchPeerResolveOneThread() => _bed!.ResolvePeer();
}

/// <summary>
/// The same comparison on a GPU: the peer on TorchSharp CUDA, the kernels on ILGPU CUDA. It runs only when
/// <c>torch.cuda.is_available()</c> and <see cref="ComputeDevice"/> finds a CUDA device; otherwise the
/// <see cref="RequiresCudaAttribute"/> filter removes it from the run and prints a "skipped" line saying why
/// (it never runs and "passes" on the CPU). The TorchSharp-cpu package has no CUDA backend: see the bundle
/// README (scripts/bundle.sh) for pointing TorchSharp at a CUDA libtorch.
/// </summary>
[StepJob]
[CategoriesColumn]
[BenchmarkCategory(DtSyncPeerCategories.PeerCuda)]
[RequiresCuda(TorchToo = true)]
[AgentsPerEnv(36)]
public class DtSyncPeerCudaBenchmarks
{
    private DtSyncPeerBed? _bed;

    [Params(64, 1024)]
    public int NumEnvs { get; set; }

    [GlobalSetup]
    public void Setup() => _bed = new DtSyncPeerBed(DeviceKind.Cuda, NumEnvs, torch.CUDA);

    [GlobalCleanup]
    public void Cleanup()
    {
        _bed?.Dispose();
        _bed = null;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = DtSyncBatch.StepsPerInvoke)]
    [BenchmarkCategory(DtSyncPeerCategories.Kernels)]
    public void KernelsResolve() => _bed!.ResolveKernels();

    [Benchmark(OperationsPerInvoke = DtSyncBatch.StepsPerInvoke)]
    [BenchmarkCategory(DtSyncPeerCategories.Torch)]
    public void TorchPeerResolve() => _bed!.ResolvePeer();
}
