using GpuTwin.Kernels.Radio;
using GpuTwin.VecEnv.Scenarios.IotMigration;
using R = GpuTwin.VecEnv.Scenarios.IotMigration.IotMigrationRules;

namespace GpuTwin.Tests.IotMigration;

/// <summary>The sanity numbers of spec §8 and §6.A.4, and the action grid and bins of §5.</summary>
public class SanityNumberTests
{
    [Theory]
    [InlineData(10, 67, 63, 209)]
    [InlineData(100, 97, 33, 110)]
    [InlineData(250, 109, 21, 70)]
    public void NoiseLimitedLink_PathLossSnrAndRate(double d, double plDb, double snrDb, double rateMbps)
    {
        float g = R.Gain((float)d, 127, 30, 10);
        float snr = 0.1f * g / 1e-14f;
        // The spec rounds to 1 dB and 1 Mbit/s.
        Assert.Equal(plDb, -Decibel.FromLinear(g), 0.6);
        Assert.Equal(snrDb, Decibel.FromLinear(snr), 0.6);
        Assert.Equal(rateMbps, R.RateBps(1e7f, snr) / 1e6, 1.0);
    }

    [Fact]
    public void Gain_IsFlooredAtDMin_AndFollowsTheCubeLaw()
    {
        Assert.Equal(R.Gain(10, 127, 30, 10), R.Gain(3, 127, 30, 10));
        Assert.Equal(1.995e-4 * Math.Pow(40, -3), R.Gain(40, 127, 30, 10), 1e-3 * 1.995e-4 * Math.Pow(40, -3));
    }

    [Theory]
    [InlineData(1e7, 14.2)]
    [InlineData(1e6, 19.8)]
    public void HandshakeSuccess_TakesTheSpecTimes(double rate, double ms) =>
        Assert.Equal(ms, 1e3 * R.AuthSuccessS((float)rate, 1e-3f, 1e-3f, 3e-3f, 5e-5f, 1.5e-4f, 5e7f, 4400, 928, 1104, 832), 0.05);

    [Fact]
    public void HandshakeFailures_TakeTheSpecTimes()
    {
        Assert.Equal(2.6, 1e3 * R.AuthCertFailureS(1e7f, 1e-3f, 1.5e-4f, 4400), 0.05);
        Assert.Equal(7.9, 1e3 * R.AuthKeyFailureS(1e7f, 1e-3f, 1e-3f, 3e-3f, 1.5e-4f, 5e7f, 4400, 928), 0.05);
    }

    [Fact]
    public void MeanTask_TakesPoint8SecondsLocally_AndPoint04AloneOnAServer()
    {
        Assert.Equal(0.8, R.LocalLatency(4e5f, 1000, 5e8f), 1e-6);
        float t = R.OffloadLatency(4e5f, 1000, 0, false, 0.5f, 1e7f, 1e7f, 1e10f, 1e10f, 5e8f, 0, 0, false, false,
            out _, out float tTrans, out float tExe, out _, out _);
        Assert.Equal(0.04, tTrans, 1e-6);
        Assert.Equal(0.04, tExe, 1e-6);
        Assert.Equal(0.08, t, 1e-6);
    }

    [Fact]
    public void ActionGrid_ThetaStayAndMigrate()
    {
        Assert.Equal(9, R.NumActions(5));
        float[] theta = [1, 0, 0.25f, 0.5f, 0.75f, 0, 0.25f, 0.5f, 0.75f];
        for (int a = 0; a < 9; a++)
        {
            Assert.Equal(theta[a], R.Theta(a, 5));
            Assert.Equal(a >= 5, R.IsMigrate(a, 5));
        }
        // STAY loads only the serving server; MIGRATE loads serving and target; LOCAL and no-task load nothing.
        Assert.True(R.LoadsServer(2, 3, 3, 7, 5) && !R.LoadsServer(2, 7, 3, 7, 5));
        Assert.True(R.LoadsServer(6, 3, 3, 7, 5) && R.LoadsServer(6, 7, 3, 7, 5) && !R.LoadsServer(6, 1, 3, 7, 5));
        Assert.False(R.LoadsServer(0, 3, 3, 7, 5) || R.LoadsServer(R.NoTask, 3, 3, 7, 5));
    }

    [Fact]
    public void Bins_FollowSection5Point3()
    {
        Assert.Equal([0, 1, 2, 2, 3, 3, 3], new[] { 0, 1, 2, 3, 4, 5, 100 }.Select(R.ContextBin));
        Assert.Equal([0, 0, 1, 2, 2, 3, 3, 4], new[] { 0, 1, 2, 3, 4, 5, 7, 8 }.Select(R.OwnLoadBin));
        Assert.Equal([0, 1, 1, 2, 2, 3, 3, 4], new[] { 0, 1, 2, 3, 4, 5, 7, 8 }.Select(R.TargetLoadBin));
        Assert.Equal([0, 1, 1, 2], new[] { 0.49f, 0.5f, 0.79f, 0.8f }.Select(R.RingBin));
        Assert.Equal([0, 0, 1, 2, 2], new[] { 2e5f, 2.6e5f, 4e5f, 5.4e5f, 6e5f }.Select(b => R.SizeBin(b, 4e5f, 0.5f)));
        Assert.Equal(1, R.SizeBin(3e5f, 4e5f, 0));
        Assert.Equal(224, R.ObsJal(R.ObsIl(2, 2), 4, 4));
    }
}
