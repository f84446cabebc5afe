using GpuTwin.Training;
using GpuTwin.Training.Ppo;
using static TorchSharp.torch;

namespace GpuTwin.Tests.Training.Ppo;

public class ValueNormTests
{
    [Fact]
    public void RunningStatistics_EqualThoseOfAllBatchesTogether()
    {
        TorchRuntime.EnsureLoaded();
        var norm = new ValueNorm();
        var all = new List<double>();
        var rng = new Random(3);
        foreach (int size in new[] { 10, 200, 37 })
        {
            var batch = Enumerable.Range(0, size).Select(_ => 1000 + 50 * rng.NextDouble()).ToArray();
            all.AddRange(batch);
            norm.Update(tensor(batch));
        }
        double mean = all.Average(), std = Math.Sqrt(all.Select(x => (x - mean) * (x - mean)).Average());
        Assert.Equal(mean, norm.Mean, 1e-9);
        Assert.Equal(std, norm.Std, 1e-6);
        var x = tensor(new double[] { 1010, 1040 });
        Assert.Equal(x.data<double>().ToArray(), norm.Denormalize(norm.Normalize(x)).data<double>().ToArray(), new Tol());
    }

    private sealed class Tol : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) < 1e-9;
        public int GetHashCode(double x) => 0;
    }
}
