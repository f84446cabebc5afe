using GpuTwin.Benchmarks.Peer;
using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Scenarios.DtSyncMigration;
using ILGPU.Runtime;
using Xunit.Abstractions;
using static GpuTwin.Tests.DtSync.DtSyncTestBed;

namespace GpuTwin.Tests.Benchmarks;

/// <summary>
/// The TorchSharp reference peer (benchmarks/Peer), fed the very draws and state the kernels see, reproduces
/// their slot outputs and mobility. The peer is written from the spec, so this also checks the kernels' physics.
/// T = 10 and G = 3 put two frame starts (with migrations and blocked MUs) inside the run; MUs of env 0
/// start at the walls heading out, so the reflection is exercised.
/// </summary>
public class DtSyncTorchPeerTests(ITestOutputHelper output)
{
    private const int Envs = 6, K = 30, M = 5, T = 10, G = 3, Steps = 24;

    /// <summary>float32 unit roundoff 2^-24: every tolerance below is a count of these.</summary>
    private const double Ulp = 1.0 / (1 << 24);
    /// <summary>
    /// One chain of ≈ 10 float ops (products, a division, log1p, with libm vs SLEEF differing by ≤ 1 ulp each):
    /// 64 roundoffs (4e-6) is generous and still ten thousand times below any physics difference.
    /// </summary>
    private const double ChainRel = 64 * Ulp;
    /// <summary>
    /// Sums over K = 30 terms in a different order (the kernels loop, torch reduces): up to K roundoffs of the
    /// largest term; with a factor 4 for the rest of the chain. Used for P_m, Σx (CPU / wired shares) and r_g.
    /// </summary>
    private const double SumRel = 4 * K * Ulp;
    /// <summary>Positions of order W = 1000 m: one roundoff is 6e-5 m; move + reflect is a few ops.</summary>
    private const double PositionAbsM = 8 * 1000 * Ulp;
    /// <summary>Heading: cos/sin differ by ≤ 1 ulp between MathF and torch; the update is a handful of ops on |θ| ≲ 10 rad.</summary>
    private const double HeadingAbsRad = 64 * 10 * Ulp;

    [Theory]
    [InlineData("static", 1UL)]
    [InlineData("static", 20240601UL)]
    [InlineData("random", 1UL)]
    [InlineData("random", 77UL)]
    [InlineData("deadline", 1UL)]
    [InlineData("deadline", 9001UL)]
    public void Peer_MatchesKernels_OnTheSameDraws(string policyName, ulong seed)
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, Envs, ("K", K), ("M", M), ("T", T), ("Q", 20), ("mig_slots", G));
        var policy = Policy(env, policyName, seed);
        var peer = new DtSyncTorchPeer();
        var cmp = new Comparison();
        var seen = new Coverage();

        env.Reset(seed);
        PlaceAtWalls(env);
        for (int t = 0; t < Steps; t++)
        {
            for (int g = 0; g < env.Spec.Groups.Count; g++) policy.Act(env, g, t);
            var inputs = DtSyncSlotInputs.Capture(env);
            env.Resolve();
            var kernel = DtSyncKernelSlot.Capture(env);
            env.Advance();
            var kernelMove = DtSyncKernelMobility.Capture(env);

            using var x = new DtSyncPeerInputs(inputs, TorchSharp.torch.CPU);
            DtSyncPeerSlotArrays p;
            using (var slot = peer.Resolve(x)) p = slot.ToArrays();
            (float[] PosX, float[] PosY, float[] Speed, float[] Heading, float[] MeanHeading) pm;
            using (var move = peer.Move(x)) pm = move.ToArrays();

            cmp.Step = t;
            CompareSlot(cmp, seen, inputs, kernel, p);
            for (int i = 0; i < Envs * K; i++)
            {
                cmp.Abs("x", i, kernelMove.PosX[i], pm.PosX[i], PositionAbsM);
                cmp.Abs("y", i, kernelMove.PosY[i], pm.PosY[i], PositionAbsM);
                cmp.Abs("speed", i, kernelMove.Speed[i], pm.Speed[i], ChainRel * Math.Max(1, Math.Abs(kernelMove.Speed[i])));
                cmp.Abs("heading", i, kernelMove.Heading[i], pm.Heading[i], HeadingAbsRad);
                cmp.Abs("mean heading", i, kernelMove.MeanHeading[i], pm.MeanHeading[i], HeadingAbsRad);
                if (kernelMove.MeanHeading[i] != inputs.MeanHeading[i]) seen.Reflections++;
            }
        }
        (policy as IDisposable)?.Dispose();

        output.WriteLine($"{policyName}/{seed}: {cmp.Checked} values checked; worst relative error {cmp.WorstRel:E2} ({cmp.WorstField}); {seen}");
        Assert.True(cmp.Failures.Count == 0, $"{cmp.Failures.Count} mismatches, first: " + string.Join("; ", cmp.Failures.Take(5)));
        // The run must exercise every branch it claims to check.
        Assert.True(seen.Transmissions > 0 && seen.Successes > 0 && seen.Failures + seen.Blocked > 0, seen.ToString());
        Assert.True(seen.Reflections > 0, seen.ToString());
        if (policyName != "static") Assert.True(seen.Blocked > 0 && seen.Forwarded > 0, seen.ToString());
    }

    private static void CompareSlot(Comparison cmp, Coverage seen, DtSyncSlotInputs x, DtSyncKernelSlot k, DtSyncPeerSlotArrays p)
    {
        for (int e = 0; e < Envs; e++)
        {
            bool flipped = false;
            double xiScale = 0;
            for (int j = 0; j < K; j++)
            {
                int i = e * K + j;
                cmp.Exact("host", i, k.DtHost[i], p.DtHost[i]);
                cmp.Exact("countdown", i, k.MigCountdown[i], p.MigCountdown[i]);
                cmp.Exact("blocked", i, k.Blocked[i] != 0, p.Blocked[i]);
                cmp.Exact("transmitting", i, k.Transmitting[i] != 0, p.Transmitting[i]);
                cmp.Abs("tx power", i, k.TxPowerW[i], p.TxPowerW[i], 0);

                // γ = S / (I + σ²) with I = P_m − S: the subtraction turns the K roundoffs of P_m into an absolute
                // error of ≈ SumRel·P_m on I, hence a relative error on γ of SumRel·P_m / (I + σ²).
                int m = Math.Clamp(x.AssocAction[i], 0, M - 1);
                double pm = p.RxTotalW[e * M + m], noise = x.P(e, DtSyncParameters.NoiseW);
                double sinrRel = ChainRel + SumRel * pm / (p.InterferenceW[i] + noise);
                cmp.Rel("sinr", i, k.Sinr[i], p.Sinr[i], sinrRel);
                // R = B log2(1 + γ): dR/R = dγ/γ · γ / ((1 + γ) ln(1 + γ)) ≤ dγ/γ.
                cmp.Rel("rate", i, k.RateBps[i], p.RateBps[i], sinrRel + ChainRel);
                cmp.Rel("cpu", i, k.CpuHz[i], p.CpuHz[i], SumRel);
                cmp.Rel("wired", i, k.WiredBps[i], p.WiredBps[i], SumRel);
                double delayRel = sinrRel + SumRel + ChainRel;
                cmp.Rel("delay", i, k.DelayS[i], p.DelayS[i], delayRel);
                cmp.Rel("energy", i, k.EnergyJ[i], p.EnergyJ[i], sinrRel + ChainRel);

                bool kf = k.Failed[i] != 0;
                if (kf != p.Failed[i])
                {
                    // Only a delay within rounding of the deadline may decide differently (a knife edge, not physics).
                    flipped = true;
                    cmp.Rel("failed (delay at the deadline)", i, k.DelayS[i], x.DeadlineS[i], delayRel);
                }
                else
                {
                    cmp.Rel("queue", i, k.VQueue[i], p.VQueue[i], ChainRel);
                }
                cmp.Rel("queue snapshot", i, k.VQueueFrame[i], p.VQueueFrame[i], 0);
                xiScale += Math.Abs(p.Xi[i]);

                if (x.Requested[i] != 0)
                {
                    if (k.Blocked[i] != 0) seen.Blocked++;
                    else if (kf) seen.Failures++;
                    else seen.Successes++;
                    if (k.Blocked[i] == 0 && x.AssocAction[i] != k.DtHost[i]) seen.Forwarded++;
                }
                if (k.Transmitting[i] != 0) seen.Transmissions++;
            }
            // r_g = −ν Σ Ξ_k: K terms summed in another order.
            double nu = x.P(e, DtSyncParameters.Nu);
            if (!flipped) cmp.Abs("r_g", e, k.RewardGlobal[e], p.RewardGlobal[e], SumRel * nu * xiScale + 1e-30);
        }
    }

    /// <summary>MUs 0–4 of env 0 sit 5 cm from a wall (or a corner) heading out, so the first move reflects.</summary>
    private static void PlaceAtWalls(DtSyncEnv env)
    {
        var s = env.State;
        var x = Read(s.PosX); var y = Read(s.PosY); var h = Read(s.Heading);
        const float w = 1000f, d = 0.05f;
        (float X, float Y, float H)[] spots =
        [
            (d, 500, MathF.PI + 0.1f), (w - d, 400, 0.1f), (300, d, -MathF.PI / 2), (600, w - d, MathF.PI / 2 - 0.2f), (d, d, -3 * MathF.PI / 4),
        ];
        for (int j = 0; j < spots.Length; j++) (x[j], y[j], h[j]) = spots[j];
        s.PosX.CopyFromCPU(x); s.PosY.CopyFromCPU(y); s.Heading.CopyFromCPU(h);
    }

    private sealed class Coverage
    {
        public int Transmissions, Successes, Failures, Blocked, Forwarded, Reflections;
        public override string ToString() =>
            $"transmissions {Transmissions}, successes {Successes}, deadline failures {Failures}, blocked {Blocked}, forwarded {Forwarded}, reflection steps {Reflections}";
    }

    private sealed class Comparison
    {
        public int Step;
        public long Checked;
        public double WorstRel;
        public string WorstField = "-";
        public List<string> Failures { get; } = [];

        public void Exact<T>(string field, int index, T kernel, T peer)
        {
            Checked++;
            if (!EqualityComparer<T>.Default.Equals(kernel, peer)) Fail(field, index, $"{kernel} vs {peer}");
        }

        public void Rel(string field, int index, double kernel, double peer, double rel)
        {
            Checked++;
            double scale = Math.Max(Math.Abs(kernel), Math.Abs(peer));
            double diff = Math.Abs(kernel - peer);
            if (scale > 0 && diff / scale > WorstRel) { WorstRel = diff / scale; WorstField = field; }
            if (!(diff <= rel * scale)) Fail(field, index, $"kernel {kernel:R} vs peer {peer:R} (rel {diff / scale:E2} > {rel:E2})");
        }

        public void Abs(string field, int index, double kernel, double peer, double abs)
        {
            Checked++;
            double diff = Math.Abs(kernel - peer);
            if (!(diff <= abs)) Fail(field, index, $"kernel {kernel:R} vs peer {peer:R} (diff {diff:E2} > {abs:E2})");
        }

        private void Fail(string field, int index, string what)
        {
            if (Failures.Count < 50) Failures.Add($"step {Step} {field}[{index}]: {what}");
            else Failures.Add("");
        }
    }
}
