using GpuTwin.Kernels.Radio;
using GpuTwin.VecEnv.Scenarios.CollaborativeMec;
using GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement;

namespace GpuTwin.Tests.CollabMec;

/// <summary>The spec §8 sanity numbers (B = 1 MHz, N0 = 1e−8 W/Hz, z = 65 kbit, p̄ = 0.115 W) from the defaults and the env's formulas.</summary>
public class SanityNumberTests
{
    /// <summary>The spec prints 3 significant digits: half a unit in the last place is at most 0.5%; 1% leaves room for its own rounding.</summary>
    private const double Printed = 0.01;
    private static double Default(string key) => CollabMecParameters.Table[key].Default;
    private static readonly float B = (float)Default("bandwidth_hz"), N0 = (float)Default("noise_psd"), HBar = (float)Default("gain_mean");
    private const float Z = 65e3f, PMean = 0.115f;

    private static void Near(double expected, double actual, double relative = Printed) =>
        Assert.True(Math.Abs(actual - expected) <= relative * Math.Abs(expected), $"expected {expected:G4}, got {actual:G6}");

    [Fact]
    public void NoisePower_Is10mW()
    {
        Near(0.01, B * N0);
        Near(10, Decibel.WattsToDbm(B * N0));
    }

    [Theory]
    [InlineData(0.05f, 0.50, -3.0)]
    [InlineData(0.115f, 1.15, 0.6)]
    [InlineData(0.18f, 1.80, 2.6)]
    public void SingleDeviceSnr_AtMeanGain(float p, double snr, double snrDb)
    {
        float s = p * HBar / (B * N0);
        Near(snr, s);
        Assert.InRange(Decibel.FromLinear(s), snrDb - 0.05, snrDb + 0.05);
    }

    [Fact]
    public void LoneDevice_Rate_UploadDelay_AndEnergy()
    {
        float r = RefinementRules.InterferenceFreeRateBps(PMean, HBar, B, N0);
        Near(1.10e6, r);
        Near(59e-3, RefinementRules.UploadDelayS(Z, r));
        Near(6.8e-3, RefinementRules.UploadEnergyJ(PMean, Z, r));
    }

    [Theory]
    [InlineData(1, 1.15, 1104e3, 59e-3, 6.8e-3)]
    [InlineData(2, 0.535, 618e3, 105e-3, 12.1e-3)]
    [InlineData(3, 0.348, 431e3, 151e-3, 17.3e-3)]
    [InlineData(5, 0.205, 269e3, 241e-3, 27.7e-3)]
    [InlineData(8, 0.127, 173e3, 377e-3, 43.3e-3)]
    public void EqualPowerDevicesInOneCell_ShareTheBandThroughInterference(int n, double sinr, double rate, double dw, double energy)
    {
        const float rx = 0.0115f;
        float cell = 0f;
        for (int k = 0; k < n; k++) cell += rx;
        Near(sinr, Sinr.Ratio(rx, Sinr.InterferenceFromTotal(cell, rx), B * N0));
        float r = RefinementRules.CellRateBps(cell, rx, B, N0);
        Near(rate, r);
        Near(dw, RefinementRules.UploadDelayS(Z, r));
        Near(energy, RefinementRules.UploadEnergyJ(PMean, Z, r));
    }

    [Fact]
    public void HarvestPerCell_AndLoneDeviceEnergyAtLowAndHighChannelScale()
    {
        double meanHarvest = (Default("harvest_min_j") + Default("harvest_max_j")) / 2;
        Near(37.5e-3, 30 * meanHarvest);
        Near(68.8e-3, 55 * meanHarvest);
        Near(100e-3, 80 * meanHarvest);
        Near(25.0e-3, RefinementRules.UploadEnergyJ(PMean, Z, RefinementRules.InterferenceFreeRateBps(PMean, 0.2f * HBar, B, N0)));
        Near(6.0e-3, RefinementRules.UploadEnergyJ(PMean, Z, RefinementRules.InterferenceFreeRateBps(PMean, 1.2f * HBar, B, N0)));
    }

    [Fact]
    public void MeanTask_Cycles_ComputeTime_Demand_AndWiredDelay()
    {
        double cycles = 65e3 * (Default("density_min") + Default("density_max")) / 2;
        Near(3.58e8, cycles);
        Near(0.60, CollabMecRules.ComputeDelayS(Z, 5500f, (float)Default("cpu_hz")));
        Near(72e-3, CollabMecRules.ComputeDelayS(Z, 5500f, 5e9f));
        Near(0.36e9, RefinementRules.MinDemandHz(Z, 5500f, 1f, 0f, 0f));
        Near(0.65e-3, RefinementRules.WiredDelayS(Z, (float)Default("wired_bps"), 0, 1));
    }
}
