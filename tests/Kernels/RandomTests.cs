using GpuTwin.Kernels.Random;

namespace GpuTwin.Tests.Kernels;

public class RandomTests
{
    [Fact]
    public void Philox_MatchesTheRandom123KnownAnswer()
    {
        // Known-answer vectors of Philox4x32-10 from Random123 (kat_vectors):
        // counter = key = 0 → 6627e8d5 e169c58d bc57ac4c 9b00dbd8
        var zero = Philox.Block(0, 0, 0, 0, 0, 0);
        Assert.Equal((0x6627e8d5u, 0xe169c58du, 0xbc57ac4cu, 0x9b00dbd8u), (zero.X, zero.Y, zero.Z, zero.W));
        // counter = ffffffff ×4, key = ffffffff ×2 → 408f276d 41c83b0e a20bc7c6 6d5451fd
        var ones = Philox.Block(0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu);
        Assert.Equal((0x408f276du, 0x41c83b0eu, 0xa20bc7c6u, 0x6d5451fdu), (ones.X, ones.Y, ones.Z, ones.W));
    }

    [Fact]
    public void Uniforms_AreInOpenClosedUnitInterval_WithMeanHalf()
    {
        double sum = 0;
        int n = 0;
        for (int step = 0; step < 2000; step++)
        {
            var u = new CounterRng(99, 3, 1, step).Uniforms(4, 17);
            foreach (var x in new[] { u.A, u.B, u.C, u.D })
            {
                Assert.InRange(x, float.Epsilon, 1f);
                sum += x;
                n++;
            }
        }
        Assert.InRange(sum / n, 0.49, 0.51);
        Assert.Equal(1f / 16777216f, CounterRng.ToUnitOpenClosed(0));
        Assert.Equal(1f, CounterRng.ToUnitOpenClosed(uint.MaxValue));
    }

    [Fact]
    public void Draws_DependOnEveryCoordinate()
    {
        var baseline = new CounterRng(5, 1, 2, 3).Uniform(4, 6);
        Assert.Equal(baseline, new CounterRng(5, 1, 2, 3).Uniform(4, 6));
        Assert.NotEqual(baseline, new CounterRng(6, 1, 2, 3).Uniform(4, 6));
        Assert.NotEqual(baseline, new CounterRng(5, 2, 2, 3).Uniform(4, 6));
        Assert.NotEqual(baseline, new CounterRng(5, 1, 3, 3).Uniform(4, 6));
        Assert.NotEqual(baseline, new CounterRng(5, 1, 2, 4).Uniform(4, 6));
        Assert.NotEqual(baseline, new CounterRng(5, 1, 2, 3).Uniform(5, 6));
        Assert.NotEqual(baseline, new CounterRng(5, 1, 2, 3).Uniform(4, 7));
        Assert.NotEqual(baseline, new CounterRng(5UL | (1UL << 40), 1, 2, 3).Uniform(4, 6));
    }

    [Fact]
    public void ToIndex_CoversEveryValueUniformly()
    {
        var counts = new int[5];
        for (int i = 0; i < 50_000; i++) counts[CounterRng.ToIndex(new CounterRng(1, 0, 0, i).Uniform(1, 0), 5)]++;
        foreach (var c in counts) Assert.InRange(c, 9_500, 10_500);
        Assert.Equal(4, CounterRng.ToIndex(float.Epsilon, 5));
        Assert.Equal(0, CounterRng.ToIndex(1f, 5));
    }
}
