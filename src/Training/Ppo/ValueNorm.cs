using static TorchSharp.torch;

namespace GpuTwin.Training.Ppo;

/// <summary>
/// Running mean and variance of a critic's regression targets (MAPPO's ValueNorm). dt-sync returns span
/// orders of magnitude (≈0.1 for energy, up to 10⁶ when queues explode), so critics learn normalised values.
/// Count-weighted (Chan et al.) merging of batch statistics; kept in double on the host.
/// </summary>
public sealed class ValueNorm
{
    private double _mean, _var = 1, _count;

    public double Mean => _mean;
    public double Std => Math.Sqrt(_var + 1e-8);

    public void Update(Tensor targets)
    {
        using var scope = NewDisposeScope();
        var t = targets.to(ScalarType.Float64).flatten();
        double batchCount = t.shape[0];
        if (batchCount == 0) return;
        double batchMean = t.mean().item<double>();
        double batchVar = (t - batchMean).pow(2).mean().item<double>(); // population variance
        if (_count == 0)
        {
            // The first batch defines the statistics (a prior at mean 0 would inflate the variance by mean²·prior/count).
            (_mean, _var, _count) = (batchMean, batchVar, batchCount);
            return;
        }
        double delta = batchMean - _mean, total = _count + batchCount;
        _mean += delta * batchCount / total;
        _var = (_var * _count + batchVar * batchCount + delta * delta * _count * batchCount / total) / total;
        _count = total;
    }

    public Tensor Normalize(Tensor x) => (x - _mean) / Std;
    public Tensor Denormalize(Tensor x) => x * Std + _mean;

    public (double Mean, double Var, double Count) State => (_mean, _var, _count);
    public void Restore(double mean, double var, double count) { _mean = mean; _var = var; _count = count; }
}
