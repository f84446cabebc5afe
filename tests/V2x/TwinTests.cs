using GpuTwin.Kernels.Numerics;
using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Scenarios.V2xOffloading;
using static GpuTwin.Tests.V2x.V2xTestBed;

namespace GpuTwin.Tests.V2x;

/// <summary>The sequential digital twin (spec §5): ID order, exact remainders, maxima never exceeded, clean zero shares.</summary>
public class TwinTests
{
    // R = 2 km: every ES is in range of every vehicle, so every offload is a direct upload.
    private static readonly (string, double)[] AllInRange = [("radius_m", 2000)];

    [Fact]
    public void SecondVehicle_SeesExactlyWhatTheFirstLeft()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 4, [.. AllInRange, ("M", 2)]);
        env.Reset(3);
        var s = env.State;
        int n = env.NMax, obs = s.ObsSize;
        var fmax = Read(s.FmaxHz);
        const float bmax = 2e7f;
        // Both vehicles choose ES 1 (x = 2: u_x in [0, 0.5)); vehicle 0 takes 30% CPU and 70% bandwidth.
        var raw = new float[env.NumEnvs * 2 * 4];
        for (int e = 0; e < env.NumEnvs; e++)
        {
            new float[] { 0.25f, 1f, 0f, 0.5f }.CopyTo(raw.AsSpan((e * 2 + 1) * 4, 4));
            new float[] { 0.25f, 1f, -0.4f, 0.4f }.CopyTo(raw.AsSpan((e * 2) * 4, 4));
        }
        WriteActions(env, raw);
        env.ObserveVehicle(0);
        var o0 = Read(env.Observation(0));
        env.DecideVehicle(0);
        env.ObserveVehicle(1);
        var o1 = Read(env.Observation(0));
        env.DecideVehicle(1);
        device.Synchronize();
        var cpu = Read(s.CpuHz); var bw = Read(s.BwHz); var frem = Read(s.DtFremHz); var brem = Read(s.DtBremHz);
        for (int e = 0; e < env.NumEnvs; e++)
        {
            float f = fmax[e * n + 1];
            // Vehicle 0 sees the full ES, vehicle 1 what vehicle 0 left.
            Assert.Equal(f / 25e9f, o0[(e * 2) * obs + 1 + 2 * n + 1], 6);
            Assert.Equal(1f, o0[(e * 2) * obs + 1 + 3 * n + 1], 6);
            float f0 = 0.3f * f, b0 = 0.7f * bmax;
            Assert.Equal(f0, cpu[e * 2], f * 1e-6f);
            Assert.Equal(b0, bw[e * 2], bmax * 1e-6f);
            Assert.Equal((f - f0) / 25e9f, o1[(e * 2 + 1) * obs + 1 + 2 * n + 1], 6);
            Assert.Equal((bmax - b0) / bmax, o1[(e * 2 + 1) * obs + 1 + 3 * n + 1], 5);
            // Vehicle 1 takes a = (0.5, 0.75) of the remainder.
            Assert.Equal(0.5f * (f - f0), cpu[e * 2 + 1], f * 1e-6f);
            Assert.Equal(0.75f * (bmax - b0), bw[e * 2 + 1], bmax * 1e-6f);
            Assert.Equal(0.5f * (f - f0), frem[e * n + 1], f * 1e-6f);
            Assert.Equal(0.25f * (bmax - b0), brem[e * n + 1], bmax * 1e-6f);
            // The other ESs are untouched.
            Assert.Equal(fmax[e * n], frem[e * n]);
            Assert.Equal(bmax, brem[e * n + 2]);
        }
        Assert.Throws<InvalidOperationException>(() => env.DecideVehicle(0));
    }

    [Fact]
    public void StepWithAllActions_EqualsTheObserveDecideLoop()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        float[] Outcome(bool loop)
        {
            using var env = Env(device, 8, ("M", 12));
            var policy = Policy(env, "random", 4);
            env.Reset(4);
            var all = new List<float>();
            for (int t = 0; t < 30; t++)
            {
                policy.Act(env, 0, t);
                if (loop)
                    for (int i = 0; i < env.MMax; i++) { env.ObserveVehicle(i); env.DecideVehicle(i); }
                env.Resolve();
                all.AddRange(Read(env.State.CostI));
                all.AddRange(Read(env.State.DtFremHz));
                env.Advance();
            }
            return all.ToArray();
        }
        Assert.Equal(Outcome(false), Outcome(true));
    }

    [Theory]
    [InlineData("random", 0)]
    [InlineData("random", 2)]
    [InlineData("amcs", 0)]
    [InlineData("greedy-dt", 0)]
    public void SharesNeverExceedTheEsMaxima_AndEveryFieldIsFinite(string policyName, int decode)
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 16, ("M", 20), ("target_decode", decode), ("episode_slots", 50));
        var s = env.State;
        int m = env.MMax, n = env.NMax;
        const double tol = 1e-5;
        int checkedSlots = 0, offloads = 0;
        Run(env, Policy(env, policyName, 2), 100, 2, _ =>
        {
            device.Synchronize();
            var target = Read(s.Target); var up = Read(s.UploadEs); var cpu = Read(s.CpuHz); var bw = Read(s.BwHz);
            var p = Read(s.TxPowerW); var fmax = Read(s.FmaxHz); var frem = Read(s.DtFremHz); var brem = Read(s.DtBremHz);
            var cost = Read(s.CostI); var delay = Read(s.DelayS); var energy = Read(s.EnergyJ); var rate = Read(s.RateBps);
            var gain = Read(s.GainLs); var dist = Read(s.DistM); var access = Read(s.AccessEs); var failed = Read(s.Failed);
            var turn = Read(s.TurnObs); var reward = Read(s.Reward);
            for (int e = 0; e < env.NumEnvs; e++)
            {
                var fSum = new double[n]; var bSum = new double[n];
                for (int i = 0; i < m; i++)
                {
                    int v = e * m + i, x = target[v];
                    Assert.InRange(x, 0, n);
                    foreach (var val in new[] { cost[v], delay[v], energy[v], rate[v], cpu[v], bw[v], p[v] })
                        Assert.False(FMath.IsBad(val));
                    Assert.InRange(p[v], 0f, 0.2f);
                    // Cost bound of spec §6: w·κ·τ + (1−w)·(p_max·τ + D·φ_es·ζ·F_max²) with D ≤ 1.2·D̄.
                    Assert.InRange(cost[v], 0f, 0.1f + 0.5f * (0.02f + 1.2e5f * 1e-30f * 500f * 25e9f * 25e9f) + 1e-6f);
                    Assert.Equal(delay[v] > 0.1f, failed[v] != 0);
                    // The access ES is the nearest in-range ES; the gain follows PL(d) of spec §3.
                    int best = -1; float bestD = float.MaxValue;
                    for (int j = 0; j < n; j++)
                    {
                        float d = dist[v * n + j];
                        if (d < bestD) { bestD = d; best = j; }
                        double g = Math.Pow(10, -(120.9 + 37.6 * Math.Log10(Math.Max(d, 10) / 1000.0)) / 10);
                        Assert.True(Math.Abs(gain[v * n + j] - g) <= 1e-5 * g);
                    }
                    Assert.Equal(bestD <= 500f ? best : -1, access[v]);
                    for (int c = 0; c < s.ObsSize; c++) Assert.False(FMath.IsBad(turn[v * s.ObsSize + c]));
                    if (x == 0) { Assert.Equal(-1, up[v]); Assert.Equal(0f, cpu[v]); continue; }
                    offloads++;
                    int k = up[v];
                    Assert.True(dist[v * n + x - 1] <= 500f ? k == x - 1 : k == access[v]);
                    fSum[x - 1] += cpu[v];
                    bSum[k] += bw[v];
                }
                for (int j = 0; j < n; j++)
                {
                    float fm = fmax[e * n + j];
                    Assert.InRange(fm, 5e9f, 25e9f);
                    Assert.True(fSum[j] <= fm * (1 + tol), $"CPU granted {fSum[j]:G6} > F_max {fm:G6}");
                    Assert.True(bSum[j] <= 2e7 * (1 + tol), $"bandwidth granted {bSum[j]:G6} > B_max");
                    Assert.InRange(frem[e * n + j], 0f, fm);
                    Assert.InRange(brem[e * n + j], 0f, 2e7f);
                    Assert.True(Math.Abs(fm - fSum[j] - frem[e * n + j]) <= tol * fm);
                    Assert.True(Math.Abs(2e7 - bSum[j] - brem[e * n + j]) <= tol * 2e7);
                }
                Assert.False(FMath.IsBad(reward[e]));
            }
            checkedSlots++;
        });
        Assert.Equal(100, checkedSlots);
        Assert.True(offloads > 1000, $"only {offloads} offloads checked");
    }

    [Fact]
    public void ZeroShares_FailCleanly_WithTheFailureDelay_AndNoNaN()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 4, [.. AllInRange, ("M", 4)]);
        env.Reset(5);
        // Vehicle 0: p = 0; vehicle 1: f = 0; vehicle 2: b = 0; vehicle 3: all three 0. All target ES 2 (x = 3).
        var raw = Enumerable.Range(0, env.NumEnvs).SelectMany(_ => new[] { 0.75f, -1f, 1f, 1f, 0.75f, 1f, -1f, 1f, 0.75f, 1f, 1f, -1f, 0.75f, -1f, -1f, -1f }).ToArray();
        WriteActions(env, raw);
        env.Resolve();
        device.Synchronize();
        var s = env.State;
        var failed = Read(s.Failed); var delay = Read(s.DelayS); var cost = Read(s.CostI); var energy = Read(s.EnergyJ);
        var reward = Read(s.Reward);
        for (int v = 0; v < failed.Length; v++)
        {
            Assert.Equal(1, failed[v]);
            Assert.Equal(1e9f, delay[v]);
            Assert.False(FMath.IsBad(cost[v]));
            Assert.False(FMath.IsBad(energy[v]));
            // Zero rate: no upload finishes, the vehicle radiates until the deadline, no ES energy.
            float p = v % 4 == 0 || v % 4 == 3 ? 0f : 0.2f;
            Assert.Equal(p * 0.1f, energy[v], 1e-7f);
            Assert.Equal(0.5f * 2f * 0.1f + 0.5f * p * 0.1f, cost[v], 1e-6f);
        }
        Assert.All(reward, r => Assert.False(FMath.IsBad(r)));
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(0, 5)]
    [InlineData(1, 3)]
    [InlineData(1, 5)]
    [InlineData(2, 3)]
    [InlineData(2, 5)]
    public void BothDecoders_ReachEveryTarget_IncludingTheLastEs(int decode, int n)
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        // Categorical sends the index itself; the tanh decoders get a dense grid over [−1, 1].
        float[] ux = decode == 2
            ? Enumerable.Range(0, n + 1).Select(x => (float)x).ToArray()
            : Enumerable.Range(0, 41).Select(q => -1f + q * 0.05f).ToArray();
        using var env = Env(device, 1, [.. AllInRange, ("M", ux.Length), ("N", n), ("target_decode", decode)]);
        env.Reset(1);
        WriteActions(env, ux.SelectMany(u => new[] { u, 1f, 0f, 0f }).ToArray());
        env.Resolve();
        device.Synchronize();
        var target = Read(env.State.Target);
        Assert.Equal(Enumerable.Range(0, n + 1), target.Distinct().OrderBy(x => x));
        if (decode == 0)
        {
            // Equal bins: u_x < −0.5 → local … u_x ≥ 0.5 → ES N−1 at N = 3 (spec §5).
            for (int q = 0; q < ux.Length; q++)
                Assert.Equal(Math.Min((int)Math.Floor((ux[q] + 1f) / 2f * (n + 1)), n), target[q]);
            if (n == 3)
            {
                Assert.Equal(0, target[9]);   // −0.55
                Assert.Equal(1, target[10]);  // −0.5
                Assert.Equal(3, target[30]);  // 0.5
                Assert.Equal(3, target[40]);  // 1
            }
        }
        if (decode == 2) Assert.Equal(Enumerable.Range(0, n + 1), target);
    }

    [Fact]
    public void NoCoverage_ForcesLocal_AndTakesNothingFromTheTwin()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 1, ("M", 1), ("radius_m", 1));
        env.Reset(1);
        WriteActions(env, [0.75f, 1f, 1f, 1f]);
        env.Resolve();
        device.Synchronize();
        var s = env.State;
        Assert.Equal(0, Read(s.Target)[0]);
        Assert.Equal(1, Read(s.NoCoverage)[0]);
        Assert.Equal(Read(s.FmaxHz), Read(s.DtFremHz));
        Assert.Equal(0.0225f, Read(s.CostI)[0] / (Read(s.TaskBits)[0] / 1e5f), 1e-6f);
    }
}
