using GpuTwin.Benchmarks.Step;
using GpuTwin.Kernels.Runtime;
using GpuTwin.Training;
using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Scenarios.DtSyncMigration;
using TorchSharp;

namespace GpuTwin.Benchmarks.Peer;

/// <summary>
/// One dt-sync batch at the paper defaults (K = 30, M = 5) with the <c>static</c> baseline's actions written
/// once (as <see cref="DtSyncStepBenchmarks.EnvStep"/>), warmed up, and one slot captured as peer inputs: the kernels'
/// <see cref="DtSyncEnv.Resolve"/> and the torch peer's <see cref="DtSyncTorchPeer.Resolve"/> then resolve the
/// same slot from the same draws. Resolving a slot again only moves the virtual queues, so every repeat does
/// the same work.
/// </summary>
public sealed class DtSyncPeerBed : IDisposable
{
    private readonly ComputeDevice _device;
    private readonly DtSyncEnv _env;
    private readonly DtSyncTorchPeer _peer;
    private readonly DtSyncPeerInputs _inputs;

    public DtSyncPeerBed(DeviceKind kind, int numEnvs, torch.Device torchDevice)
    {
        TorchRuntime.EnsureLoaded();
        _device = ComputeDevice.Create(kind);
        try
        {
            _env = new DtSyncEnv(_device, ParameterGrid.Uniform(DtSyncParameters.Table, numEnvs));
            _env.Reset(DtSyncBatch.Seed);
            var fixedActions = new DtSyncScenario().CreatePolicy(DtSyncBatch.EnvOnlyPolicy, _env, DtSyncBatch.Seed);
            try
            {
                for (int g = 0; g < _env.Spec.Groups.Count; g++) fixedActions.Act(_env, g, 0);
            }
            finally
            {
                (fixedActions as IDisposable)?.Dispose();
            }
            for (int i = 0; i < DtSyncBatch.WarmupSteps; i++) _env.Step();
            _device.Synchronize();
            _peer = new DtSyncTorchPeer();
            _inputs = new DtSyncPeerInputs(DtSyncSlotInputs.Capture(_env), torchDevice);
            // Untimed warm-up of both paths (kernel loading / JIT, torch dispatch and allocator caches).
            for (int i = 0; i < 2; i++)
            {
                ResolveKernels();
                ResolvePeer();
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary><see cref="DtSyncBatch.StepsPerInvoke"/> × env.Resolve(), then one synchronize.</summary>
    public void ResolveKernels()
    {
        for (int i = 0; i < DtSyncBatch.StepsPerInvoke; i++) _env.Resolve();
        _device.Synchronize();
    }

    /// <summary><see cref="DtSyncBatch.StepsPerInvoke"/> × peer.Resolve() on the same inputs, then one device synchronize.</summary>
    public void ResolvePeer()
    {
        for (int i = 0; i < DtSyncBatch.StepsPerInvoke; i++)
        {
            using var slot = _peer.Resolve(_inputs);
            if (i == DtSyncBatch.StepsPerInvoke - 1) slot.Synchronize();
        }
    }

    /// <summary>Whether the CUDA variant can run: TorchSharp sees CUDA and ILGPU finds a CUDA device.</summary>
    public static (bool Available, string Why) CudaStatus()
    {
        bool torchCuda, ilgpuCuda;
        string torchNote = "";
        try
        {
            TorchRuntime.EnsureLoaded();
            torchCuda = torch.cuda.is_available();
        }
        catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException or DllNotFoundException)
        {
            torchCuda = false;
            torchNote = $" (TorchSharp did not load: {ex.Message.Split('\n')[0]})";
        }
        try
        {
            ilgpuCuda = ComputeDevice.CudaAvailable();
        }
        catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException or DllNotFoundException or TypeInitializationException)
        {
            ilgpuCuda = false;
        }
        return (torchCuda && ilgpuCuda, $"torch.cuda.is_available() = {torchCuda}{torchNote}, ComputeDevice CUDA = {ilgpuCuda}");
    }

    public void Dispose()
    {
        _inputs?.Dispose();
        _env?.Dispose();
        _device?.Dispose();
    }
}
