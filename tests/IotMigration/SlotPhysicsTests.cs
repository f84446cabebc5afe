using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Scenarios.IotMigration;
using static GpuTwin.Tests.IotMigration.IotMigrationTestBed;

namespace GpuTwin.Tests.IotMigration;

/// <summary>
/// Each slot's SINR, rates, loads and latencies recomputed in double from the raw state (positions, the spec's 5 × 3
/// server grid, actions, task sizes, session bits before the slot) with the spec's formulas (eqs. 1–9, §6.A.4).
/// </summary>
public class SlotPhysicsTests
{
    /// <summary>
    /// The interference P_j − P·g_j is a float difference; when the own signal dominates the cell it loses up to
    /// ε·P_j/I relative (6e-8 × 1e4 at a 40 dB ratio); 2e-3 covers that. The rate is log-compressed (≤ 1/ln(1 + SINR)
    /// of it), the latencies divide by the rate: 5e-4 relative.
    /// </summary>
    private const double SinrRel = 2e-3, RateRel = 5e-4, LatencyRel = 5e-4;

    private const double W = 500, P = 0.1, Noise = 1e-14, Bw = 1e7, RMin = 1e5, C = 1000, FLocal = 5e8, FEdge = 1e10, Kappa = 0.5;

    private static (double X, double Y) Server(int m) => (50 + 100 * (m % 5), W / 6 + W / 3 * (m / 5));

    private static double Gain(double d) => Math.Pow(10, -(127 + 30 * Math.Log10(Math.Max(d, 10) / 1000)) / 10);

    /// <summary>§6.A.4 success: 5 t_air + 2 v_u + 2 s_u + 3 v_s + s_s + (b_cert + b_m5 + b_m9)/R + (b_cert + b_m7)/R_dl.</summary>
    public static double AuthSuccess(double r) => 5e-3 + 2 * 3e-3 + 2 * 1e-3 + 3 * 1.5e-4 + 5e-5 + (4400 + 928 + 832) / r + (4400 + 1104) / 5e7;

    public static double AuthFailure(int reason, double r) => reason == 5
        ? 3e-3 + 3e-3 + 1e-3 + 2 * 1.5e-4 + (4400 + 928) / r + 4400 / 5e7
        : 2e-3 + 1.5e-4 + 4400 / r;

    private static void Close(double expected, double actual, double rel, string what) =>
        Assert.True(Math.Abs(expected - actual) <= rel * Math.Abs(expected) + 1e-12, $"{what}: expected {expected:R}, got {actual:R}");

    [Theory]
    [InlineData("random", 10, false)]
    [InlineData("edge-all", 40, false)]
    [InlineData("random", 10, true)]
    public void SinrRatesLoadsAndLatencies_MatchTheSpecFormulas_ComputedByHand(string policyName, int rho, bool paperLiteral)
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        // paper-literal: T_proc = T_local + T_edge, the source executes all of (1 − θ) (eq. 9 as printed), no auth latency.
        using var env = paperLiteral
            ? Env(device, 2, ("users_per_server", rho), ("combine", 1), ("eq9", 1), ("auth_latency", 1))
            : Env(device, 2, ("users_per_server", rho));
        var s = env.State;
        int n = 15, u = env.UMax, users = rho * n;
        uint[] sessionBefore = [];
        int local = 0, stay0 = 0, partial = 0, migrate = 0, refused = 0, outages = 0;
        Run(env, Policy(env, policyName, 3), 8, 21, beforeResolve: _ => sessionBefore = Read(s.SessionMask), afterResolve: _ =>
        {
            var x = Read(s.PosX); var y = Read(s.PosY); var bits = Read(s.TaskBits);
            var serving = Read(s.Serving); var target = Read(s.Target); var tx = Read(s.TxFlag);
            var act = Read(s.Action); var eff = Read(s.ActionEff); var sinr = Read(s.Sinr); var rate = Read(s.RateBps);
            var load = Read(s.Load); var tProc = Read(s.TProc); var hsS = Read(s.HandshakeS); var refusedNow = Read(s.RefusedNow);
            var reason = Read(s.AuthReason); var outage = Read(s.Outage);
            for (int e = 0; e < 2; e++)
            {
                var g = new double[users, n];
                for (int i = 0; i < users; i++)
                {
                    int best = 0;
                    for (int m = 0; m < n; m++)
                    {
                        var (sx, sy) = Server(m);
                        double d = Math.Sqrt(Math.Pow(x[e * u + i] - sx, 2) + Math.Pow(y[e * u + i] - sy, 2));
                        g[i, m] = Gain(d);
                        if (g[i, m] > g[i, best]) best = m;
                    }
                    Assert.Equal(best, serving[e * u + i]);
                }
                var pm = new double[n];
                var nm = new int[n];
                for (int k = 0; k < users; k++)
                {
                    if (tx[e * u + k] == 0) continue;
                    for (int m = 0; m < n; m++) pm[m] += P * g[k, m];
                    nm[serving[e * u + k]]++;
                    if (IotMigrationRules.IsMigrate(eff[e * u + k], 5)) nm[target[e * u + k]]++;
                }
                for (int m = 0; m < n; m++) Assert.Equal(nm[m], load[e * n + m]);
                for (int i = 0; i < users; i++)
                {
                    int q = e * u + i;
                    if (act[q] == IotMigrationRules.NoTask) { Assert.Equal(IotMigrationRules.NoTask, eff[q]); continue; }
                    int j = serving[q];
                    double b = bits[q];
                    if (eff[q] == 0)
                    {
                        double t = C * b / FLocal;
                        if (refusedNow[q] != 0)
                        {
                            refused++;
                            double rTilde = Math.Max(Bw * Math.Log2(1 + P * g[i, j] / (Noise + pm[j])), RMin);
                            if (!paperLiteral) t += AuthFailure(reason[q], rTilde);
                        }
                        if (outage[q] != 0) outages++;
                        else if (refusedNow[q] == 0) local++;
                        Close(t, tProc[q], LatencyRel, $"LOCAL T_proc of env {e} user {i}");
                        continue;
                    }
                    Assert.Equal(1, tx[q]);
                    double own = P * g[i, j];
                    double expectSinr = own / (Noise + pm[j] - own);
                    Close(expectSinr, sinr[q], SinrRel, $"SINR of env {e} user {i}");
                    double r = Bw * Math.Log2(1 + expectSinr);
                    Assert.True(r >= RMin);
                    Close(r, rate[q], RateRel, $"rate of env {e} user {i}");
                    double rf = rate[q]; // latency check on the env's own rate isolates eqs. 1–9 from the SINR tolerance
                    int a = eff[q];
                    bool mig = a >= 5;
                    double theta = (mig ? a - 5 : a - 1) / 4.0, off = 1 - theta;
                    double hs = (sessionBefore[q] & (1u << j)) == 0 && !paperLiteral ? AuthSuccess(rf) : 0;
                    Close(hs, hsS[q], LatencyRel, "handshake latency");
                    double tLocal = C * b * theta / FLocal, tTrans = b * off / rf, edge;
                    if (mig)
                    {
                        double beta = Kappa * off, nu = off - beta;
                        double sourceShare = paperLiteral ? off : beta;
                        edge = hs + tTrans + C * b * sourceShare / (FEdge / nm[j]) + b * nu / rf + C * b * nu / (FEdge / nm[target[q]]);
                        migrate++;
                    }
                    else
                    {
                        edge = hs + tTrans + C * b * off / (FEdge / nm[j]);
                        if (theta == 0) stay0++; else partial++;
                    }
                    Close(paperLiteral ? tLocal + edge : Math.Max(tLocal, edge), tProc[q], LatencyRel, $"T_proc of env {e} user {i} (action {a})");
                }
            }
        });
        if (policyName == "random")
        {
            Assert.True(local > 0 && stay0 > 0 && partial > 0 && migrate > 0, $"cases: local {local}, stay {stay0}, partial {partial}, migrate {migrate}");
            Assert.True(refused > 0, "no refused user was exercised");
        }
        else Assert.True(outages > 0, "edge-all at ρ = 40 should see rate outages (spec §8: 5–11%)");
    }

    [Fact]
    public void OutageUsers_FallBackToLocal_AndDoNotInterfereInTheFinalPass()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 2, ("users_per_server", 50));
        var s = env.State;
        int seen = 0;
        Run(env, Policy(env, "edge-all"), 4, 5, afterResolve: _ =>
        {
            var outage = Read(s.Outage); var eff = Read(s.ActionEff); var tx = Read(s.TxFlag); var rate = Read(s.RateBps); var act = Read(s.Action);
            for (int q = 0; q < outage.Length; q++)
            {
                if (outage[q] != 0)
                {
                    seen++;
                    Assert.Equal(1, act[q]);
                    Assert.Equal(0, eff[q]);
                    Assert.Equal(0, tx[q]);
                }
                if (tx[q] != 0) Assert.True(rate[q] >= 1e5f, $"final-pass rate {rate[q]} below R_min");
            }
        });
        Assert.True(seen > 0);
    }
}
