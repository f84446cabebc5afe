using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Scenarios.DtSyncMigration;
using static GpuTwin.Tests.DtSync.DtSyncTestBed;

namespace GpuTwin.Tests.DtSync;

/// <summary>
/// Each resolved slot recomputed by hand (in double) from the env's own state: SINR with the direct
/// interference sum, Shannon rate, the three-part delay, failure, capped energy, r_g and r_c (spec §6-7).
/// </summary>
public class SlotPhysicsTests
{
    private const double B = 1e7, Noise = 1e-9, Tau = 0.05, SlotS = 0.05, Nu = 100, Eta = 1.0, Eps = 0.2, TCap = 1.0;
    /// <summary>float32 unit roundoff 2^−24.</summary>
    private const double FloatEpsilon = 5.96e-8;

    [Theory]
    [InlineData("static", "physical")]
    [InlineData("random", "physical")]
    [InlineData("deadline", "physical")]
    [InlineData("random", "paper-literal")]
    public void EverySlot_MatchesTheClosedForms(string policyName, string interference)
    {
        const int envs = 4, k = 10, m = 3;
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        var literal = interference == "paper-literal" ? 1.0 : 0.0;
        using var env = Env(device, envs, ("K", k), ("M", m), ("T", 20), ("mig_slots", 3), ("interference", literal));
        var s = env.State;
        int checkedTx = 0;
        Run(env, Policy(env, policyName, 8), 120, 8, afterResolve: _ =>
        {
            var gain = Read(s.Gain); var p = Read(s.TxPowerW); var tx = Read(s.Transmitting); var assoc = Read(s.Assoc);
            var host = Read(s.DtHost); var proposal = Read(s.DtProposal); var sinr = Read(s.Sinr); var rate = Read(s.RateBps);
            var delay = Read(s.DelayS); var failed = Read(s.Failed); var energy = Read(s.EnergyJ); var req = Read(s.Requested);
            var d = Read(s.DataBits); var c = Read(s.CyclesPerBit); var f = Read(s.CpuHz); var w = Read(s.WiredBps);
            var blocked = Read(s.Blocked); var yFrame = Read(s.VQueueFrame); var rg = Read(s.RewardGlobal); var rc = Read(s.RewardCenter);
            var shares = Read(s.BsShareAction);
            for (int e = 0; e < envs; e++)
            {
                double xi = 0, xiAbs = 0;
                for (int a = 0; a < k; a++)
                {
                    int i = e * k + a;
                    if (tx[i] != 0)
                    {
                        int bs = assoc[i];
                        double own = p[i] * gain[i * m + bs], interf = 0;
                        for (int j = 0; j < k; j++)
                        {
                            int o = e * k + j;
                            if (j != a && tx[o] != 0) interf += p[o] * gain[o * m + (literal > 0 ? assoc[o] : bs)];
                        }
                        double gamma = own / (interf + Noise);
                        // The kernel takes the interference as (received total − own) in float32: that
                        // subtraction can lose up to about K·ε·total, relative to interference + noise.
                        double cancellation = k * FloatEpsilon * (own + interf) / (interf + Noise);
                        Assert.Equal(gamma, sinr[i], gamma * (1e-4 + cancellation) + 1e-6);
                        Assert.Equal(B * Math.Log2(1 + gamma), rate[i], B * Math.Log2(1 + gamma) * 1e-4 + 1e-3);
                        double upload = d[i] / rate[i];
                        double expectedEnergy = p[i] * Math.Min(upload, SlotS);
                        Assert.Equal(expectedEnergy, energy[i], expectedEnergy * Tolerances.FloatChain * 10);
                        checkedTx++;
                    }
                    else Assert.Equal(0f, energy[i]);
                    if (req[i] != 0 && blocked[i] == 0)
                    {
                        double t = (rate[i] > 1e-9 ? d[i] / rate[i] : 1e9) + (assoc[i] != host[i] ? d[i] / w[i] : 0) + d[i] * c[i] / f[i];
                        t = Math.Min(t, 1e9);
                        Assert.Equal(t, delay[i], t * 1e-4);
                        Assert.Equal(t > Tau ? 1 : 0, failed[i]);
                    }
                    double term = energy[i] / k + Eta * yFrame[i] * (failed[i] - Eps);
                    xi += term;
                    xiAbs += Math.Abs(energy[i] / k) + Math.Abs(Eta * yFrame[i] * (failed[i] - Eps));
                }
                // The float sum cancels terms of either sign, so the tolerance scales with Σ|term|, not with the result.
                Assert.Equal(-Nu * xi, rg[e], Nu * xiAbs * Tolerances.FloatChain * 10 + 1e-7);
                Assert.Equal(ExpectedCenterReward(e), rc[e], Math.Abs(ExpectedCenterReward(e)) * 1e-4 + 1e-6);
            }

            // r_c (eqs. 26-27) from scratch: hypothetical sets under the proposal, this slot's shares.
            double ExpectedCenterReward(int e)
            {
                double total = 0;
                for (int a = 0; a < k; a++)
                {
                    int i = e * k + a;
                    if (req[i] == 0) continue;
                    int bt = proposal[i], al = assoc[i];
                    double Share(int bs, int mu, bool cpu) => Math.Clamp(shares[(e * m + bs) * 2 * k + (cpu ? k : 0) + mu], 1e-6, 1.0);
                    double cpuSum = 0, wiredSum = 0;
                    for (int j = 0; j < k; j++)
                    {
                        int o = e * k + j;
                        if (req[o] == 0) continue;
                        if (proposal[o] == bt) cpuSum += Share(bt, j, true);
                        if (al != bt && proposal[o] == bt && assoc[o] == al) wiredSum += Share(al, j, false);
                    }
                    double fTilde = 1e10 * Share(bt, a, true) / cpuSum;
                    double t = d[i] * c[i] / fTilde;
                    if (al != bt) t += d[i] / (1e7 * Share(al, a, false) / wiredSum);
                    total += Math.Min(t, TCap);
                }
                return -Nu * total / k;
            }
        });
        Assert.True(checkedTx > 500, $"only {checkedTx} transmissions checked");
    }

    [Fact]
    public void SpecSanity_StaticBaseline_NearTheSpecsIndicativeNumbers()
    {
        // Spec §9, B1 at K = 30 over 10 frames: failure ≈ 0.15, energy ≈ 4.2 mJ per MU-slot, stated ±50%.
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 16);
        var results = GpuTwin.VecEnv.Running.PolicyRunner.Run(env, Policy(env, "static"), 1000, 2);
        double failure = results[0].Metrics["failure_ratio"], energy = results[0].Metrics["energy_mj"];
        Assert.InRange(failure, 0.15 * 0.5, 0.15 * 1.5);
        Assert.InRange(energy, 4.2 * 0.5, 4.2 * 1.5);
        Assert.Equal(0.0, results[0].Metrics["migrations_per_mu_frame"]);
    }
}
