using GpuTwin.Kernels.Mobility;
using GpuTwin.Kernels.Random;

namespace GpuTwin.Tests.Kernels;

public class MobilityTests
{
    [Fact]
    public void GaussMarkov_UpdateIsTheClosedForm()
    {
        // μ = 0.9: 0.9·4 + 0.1·6 + √0.19·0.5 = 3.6 + 0.6 + 0.2179449 = 4.4179449
        Assert.Equal(4.4179449, GaussMarkov.Update(4f, 6f, 0.9f, 0.5f), 5);
        float x = 10f, y = 20f;
        GaussMarkov.Move(ref x, ref y, 4f, MathF.PI / 2, 0.05f);
        Assert.Equal(10f, x, 5);
        Assert.Equal(20.2f, y, 5);
    }

    [Fact]
    public void GaussMarkov_LongRunStdOfSpeedIsZeta()
    {
        var rng = new CounterRng(7, 0, 0, 0);
        float v = 5f;
        double sum = 0, sumSq = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++)
        {
            rng = new CounterRng(7, 0, 0, i);
            rng.Normal2(2, 0, out float z, out _);
            v = GaussMarkov.Update(v, 5f, 0.9f, 1.0f * z);
            sum += v; sumSq += (double)v * v;
        }
        double mean = sum / n, std = Math.Sqrt(sumSq / n - mean * mean);
        Assert.InRange(mean, 4.95, 5.05);
        Assert.InRange(std, 0.97, 1.03);
    }

    [Theory]
    [InlineData(-3f, 500f, 0.3f, 3f, 500f, MathF.PI - 0.3f)]      // left wall: x → −x, θ → π − θ
    [InlineData(1004f, 500f, 0.3f, 996f, 500f, MathF.PI - 0.3f)]  // right wall: x → 2W − x
    [InlineData(500f, -2f, -0.7f, 500f, 2f, 0.7f)]                // bottom: y → −y, θ → −θ
    [InlineData(500f, 1001f, 1.2f, 500f, 999f, -1.2f)]            // top: y → 2W − y
    public void Reflection_MirrorsPositionAndHeading(float x, float y, float h, float ex, float ey, float eh)
    {
        float mean = h;
        AreaBorder.Reflect(ref x, ref y, ref h, ref mean, 1000f, 1000f);
        Assert.Equal(ex, x, 3);
        Assert.Equal(ey, y, 3);
        Assert.Equal(eh, h, 5);
        Assert.Equal(eh, mean, 5);
    }

    [Fact]
    public void Reflection_Corner_AppliesBothFixesAndClamps()
    {
        float x = -1f, y = 1003f, h = 0.5f, m = 0.5f;
        AreaBorder.Reflect(ref x, ref y, ref h, ref m, 1000f, 1000f);
        Assert.Equal(1f, x, 4);
        Assert.Equal(997f, y, 3);
        Assert.Equal(-(MathF.PI - 0.5f), h, 5);
        // A step longer than the area is clamped inside.
        float bx = -5000f, by = 10f, bh = 0f, bm = 0f;
        AreaBorder.Reflect(ref bx, ref by, ref bh, ref bm, 1000f, 1000f);
        Assert.InRange(bx, 0f, 1000f);
        Assert.Equal(250f, AreaBorder.Wrap(1250f, 1000f), 3);
        Assert.Equal(900f, AreaBorder.Wrap(-100f, 1000f), 3);
    }

    [Fact]
    public void RandomDirection_StaysInsideAndRenewsEpochs()
    {
        float x = 10f, y = 10f, h = 0f, v = 0f, left = 0f;
        int renewals = 0;
        for (int i = 0; i < 20_000; i++)
        {
            var u = new CounterRng(3, 0, 0, i).Uniforms(1, 0);
            bool renew = left <= 0f;
            RandomDirection.Step(ref x, ref y, ref h, ref v, ref left, 0.1f, 100f, 50f, 1f, 5f, 2f, u.A, u.B, u.C);
            if (renew) { renewals++; Assert.InRange(v, 1f, 5f); }
            Assert.InRange(x, 0f, 100f);
            Assert.InRange(y, 0f, 50f);
        }
        // Mean epoch 2 s over 2000 s of motion: about 1000 renewals.
        Assert.InRange(renewals, 850, 1150);
    }
}
