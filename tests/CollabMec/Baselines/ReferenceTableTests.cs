using GpuTwin.Kernels.Runtime;
using GpuTwin.Tests.CollabMec.Refinement;
using GpuTwin.VecEnv.Scenarios.CollaborativeMec.Baselines;
using Xunit.Abstractions;

namespace GpuTwin.Tests.CollabMec.Baselines;

/// <summary>
/// The spec §9 reference table from a minimal slot loop around the decoder: §3 draws (host RNG, not the env's
/// streams), the baseline, Algorithm 1, and the battery update of S8 with R2. Each env is one seed.
/// </summary>
public class ReferenceTableTests(ITestOutputHelper output)
{
    /// <summary>T_ep (spec §2, recommended 200 slots, truncation with a reset of p and Q^E).</summary>
    public const int EpisodeSlots = 200;

    public sealed record Averages(double Income, double[] Offloading, double Peer, double BatteryJ, double UploadJ);

    public static Averages Simulate(MecHeuristic heuristic, int seeds, int warmup, int slots)
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        int[] counts = [30, 55, 80];
        var c = MecCase.Empty(seeds, 3, 80);
        var rng = new System.Random(2024);
        for (int d = 0; d < c.E * c.Slots; d++) c.DevActive[d] = (byte)(d % c.Slots % c.U < counts[d % c.Slots / c.U] ? 1 : 0);
        using var bed = new BaselineBed(device, c, heuristic, seed: 3);
        double income = 0, peer = 0, battery = 0, uploadJ = 0;
        var offloading = new double[3];
        for (int t = 0; t < warmup + slots; t++)
        {
            if (t % EpisodeSlots == 0) // S9 auto-reset: p and Q^E(0) redrawn
                for (int d = 0; d < c.E * c.Slots; d++)
                {
                    if (c.DevActive[d] == 0) continue;
                    c.TxPowerW[d] = (float)(0.05 + 0.13 * rng.NextDouble());
                    c.BatteryJ[d] = (float)(0.02 * rng.NextDouble());
                }
            var harvest = new float[c.E * c.Slots];
            for (int d = 0; d < c.E * c.Slots; d++)
            {
                if (c.DevActive[d] == 0) continue;
                c.SizeBits[d] = (float)(5e4 + 3e4 * rng.NextDouble());
                c.CyclesPerBit[d] = (float)(3000 + 5000 * rng.NextDouble());
                c.DeadlineS[d] = (float)(0.2 + 1.8 * rng.NextDouble());
                c.Award[d] = (float)(1 + 2 * rng.NextDouble());
                c.Gain[d] = (float)(0.1 * -Math.Log(1 - rng.NextDouble()));
                harvest[d] = (float)(1e-3 + 0.5e-3 * rng.NextDouble());
            }
            bed.Bed.UploadState();
            bed.SetClock(t, 0);
            var (proto, r) = bed.ActAndDecode();
            bool measured = t >= warmup;
            if (bed.Baseline.IsGreedy) // I7 on every slot: the decoder keeps exactly the admitted tasks
                for (int d = 0; d < c.E * c.Slots; d++)
                    Assert.Equal(proto[d * c.ProtoWidth] == 1f ? (byte)1 : (byte)0, r.Offload[d]);
            for (int d = 0; d < c.E * c.Slots; d++)
            {
                if (c.DevActive[d] == 0) continue;
                int home = d % c.Slots / c.U;
                if (measured) battery += c.BatteryJ[d];
                if (r.Offload[d] == 1)
                {
                    float upload = c.TxPowerW[d] * (c.SizeBits[d] / r.RateBps[d]);
                    c.BatteryJ[d] = Math.Max(c.BatteryJ[d] - upload, 0f);
                    if (measured) uploadJ += upload;
                    if (measured)
                    {
                        income += c.Award[d]; // DemandBased: every kept task completes (I5)
                        offloading[home]++;
                        if (r.Target[d] != home) peer++;
                    }
                }
                c.BatteryJ[d] += harvest[d];
            }
        }
        double n = (double)seeds * slots;
        return new Averages(income / n, offloading.Select(x => x / n).ToArray(), peer / n, battery / (n * 165), uploadJ / n);
    }

    [Theory]
    [InlineData(MecHeuristic.Random, 8.6, 2.67)]
    [InlineData(MecHeuristic.OffloadAllHome, 8.1, 0.0)]
    [InlineData(MecHeuristic.Olnpo, 19.3, 0.0)]
    [InlineData(MecHeuristic.Lpwpo, 19.7, 0.32)]
    [InlineData(MecHeuristic.Ggpo, 20.1, 1.14)]
    public void Income_IsWithinTenPercentOfTheSpecReference(MecHeuristic heuristic, double referenceIncome, double referencePeer)
    {
        var a = Simulate(heuristic, seeds: 3, warmup: 20, slots: 300);
        output.WriteLine($"{heuristic}: income {a.Income:F2}, offloading {string.Join(" / ", a.Offloading.Select(x => x.ToString("F2")))}, peer {a.Peer:F2}, battery {a.BatteryJ * 1e3:F1} mJ, upload {a.UploadJ * 1e3:F0} mJ per slot");
        Assert.InRange(a.Income, 0.9 * referenceIncome, 1.1 * referenceIncome);
        if (referencePeer == 0) Assert.Equal(0, a.Peer);
        else Assert.InRange(a.Peer, 0.5 * referencePeer, 2 * referencePeer);
    }
}
