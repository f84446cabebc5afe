using GpuTwin.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace GpuTwin.Benchmarks.Peer;

/// <summary>
/// A reference peer of the dt-sync slot physics written the way a PyTorch / VMAS user would: whole-batch
/// tensor ops over [E, K] and [E, K, M] tensors, no per-env or per-MU loops. It is written from the spec
/// (dt_sync_migration.md §3, §5, §6), not from the kernels, so agreeing with them is an independent check.
/// <see cref="Resolve"/> is S2–S4 and S6–S14 (the slot's gains S5 are an input); <see cref="Move"/> is S15.
/// Only the default options are implemented (see <see cref="DtSyncSlotInputs.Capture"/>).
/// </summary>
public sealed class DtSyncTorchPeer
{
    /// <summary>Shares are clamped to [1e-6, 1] before the proportional mapping (spec §5).</summary>
    public const float MinShare = 1e-6f;
    /// <summary>Safe division: a denominator at or below this counts as zero and gives T_BIG (spec §6 S9).</summary>
    public const float ZeroDenominator = 1e-9f;

    public DtSyncTorchPeer() => TorchRuntime.EnsureLoaded();

    /// <summary>One slot's resolution. The result owns its tensors (dispose it).</summary>
    public DtSyncPeerSlot Resolve(DtSyncPeerInputs x)
    {
        using var scope = NewDisposeScope();
        int e = x.E, k = x.K, m = x.M;
        var zero = zeros(1, device: x.Device);

        // S2: α_k from the MU's categorical action (kept inside 0..M−1), p_k = P_max · x_p with x_p in [0, 1]
        // (a NaN action radiates nothing).
        var alpha = x.AssocAction.clamp(0, m - 1);
        var power = x.PmaxW * x.PowerAction.nan_to_num(0).clamp(0f, 1f);

        // S3, at a frame start (n mod T = 0): β(q) ← β̃[n]; a changed host starts a G-slot migration; Y[qT] ← Y[n].
        var frameStart = x.Slot.remainder(x.SlotsPerFrame).eq(0);                       // [E, 1]
        var proposal = x.ProposalAction.clamp(0, m - 1);
        var host = where(frameStart, proposal, x.DtHost);
        var migrates = frameStart & proposal.ne(x.DtHost);
        var countdown = where(migrates, x.MigSlots.to(ScalarType.Int64).expand(e, k), x.MigCountdown);
        var yFrame = where(frameStart, x.VQueue, x.VQueueFrame);
        var blocked = countdown.gt(0);

        // S4: only requesting, non-blocked MUs with p > 0 radiate.
        var req = x.Requested;
        var tx = req & ~blocked & power.gt(0);
        var pHat = where(tx, power, zero);

        // S6 (physical interference): P_m = Σ_i p̂_i g_{i,m} at every BS; I_k = max(P_{α_k} − p̂_k g_{k,α_k}, 0).
        var rxTotal = (pHat.unsqueeze(2) * x.Gain).sum(1);                               // [E, M]
        var own = pHat * x.Gain.gather(2, alpha.unsqueeze(2)).squeeze(2);               // [E, K]
        var interference = (rxTotal.gather(1, alpha) - own).clamp_min(0f);
        var sinr = where(tx, own / (interference + x.NoiseW), zero);

        // S7: R_k = B·log2(1 + γ_k) = B·log1p(γ)/ln 2; 0 when not transmitting.
        var rate = where(tx, x.BandwidthHz * sinr.log1p() / MathF.Log(2f), zero);

        // S8: proportional CPU and wired shares. Shares are [E, M, 2K]: BS m's wired shares of MUs 0..K−1, then CPU.
        var shares = x.ShareAction.clamp(MinShare, 1f);
        var wiredShares = shares.narrow(2, 0, k).transpose(1, 2);                       // [E, K, M]: x^w_{m,k}
        var cpuShares = shares.narrow(2, k, k).transpose(1, 2);                         // [E, K, M]: x^f_{m,k}
        var served = req & ~blocked;
        var forwarded = served & alpha.ne(host);
        // S^f_m = {k served, β_k = m}: f_k = f_max · x^f_{β_k,k} / Σ_{S^f_{β_k}} x^f.
        var xf = where(served, cpuShares.gather(2, host.unsqueeze(2)).squeeze(2), zero);
        var cpuSum = zeros(e, m, device: x.Device).scatter_add(1, host, xf);
        var cpuHz = where(served, x.FmaxHz * xf / cpuSum.gather(1, host), zero);
        // S^w_{i,j} = {k served, α_k = i, β_k = j ≠ i}: w_k = w_ij · x^w_{i,k} / Σ_{S^w_{i,j}} x^w, one sum per link i→j.
        var link = alpha * m + host;
        var xw = where(forwarded, wiredShares.gather(2, alpha.unsqueeze(2)).squeeze(2), zero);
        var wiredSum = zeros(e, m * m, device: x.Device).scatter_add(1, link, xw);
        var wiredBps = where(forwarded, x.WiredBps * xw / wiredSum.gather(1, link), zero);

        // S9: t = D/R + 1(α≠β)·D/w + D·C/f, each term safe-divided; the sum is kept at or below T_BIG.
        // Non-requesting MUs store 0, blocked requesters T_BIG.
        var tBig = x.TBigS;
        var upload = SafeTime(x.DataBits, rate, tBig);
        var wiredTime = where(alpha.ne(host), SafeTime(x.DataBits, wiredBps, tBig), zero);
        var processing = SafeTime(x.DataBits * x.CyclesPerBit, cpuHz, tBig);
        var total = minimum(upload + wiredTime + processing, tBig);
        var delay = where(req & blocked, tBig.expand(e, k), where(req, total, zero));

        // S10: X_k = a_k if blocked, else a_k · 1(t_k > τ_k).
        var failed = req & (blocked | delay.gt(x.DeadlineS));
        var xFail = failed.to(ScalarType.Float32);

        // S11: E_k = p̂_k · min(D/R, δt) for transmitters.
        var energy = where(tx, pHat * minimum(upload, x.SlotS), zero);

        // S12–S13: Ξ_k = w_E·E_k + η·Y_k[qT]·(X_k − ε); r_g = −ν Σ_k Ξ_k.
        var xi = x.EnergyWeight * energy + x.Eta * yFrame * (xFail - x.Epsilon);
        var reward = (x.Nu.squeeze(1) * xi.sum(1)).neg();

        // S14: Y_k ← max(Y_k + X_k − ε, 0), every MU every slot.
        var queue = (x.VQueue + xFail - x.Epsilon).clamp_min(0f);

        var result = new DtSyncPeerSlot(tx, pHat, rxTotal, interference, sinr, rate, cpuHz, wiredBps, delay, failed, energy,
            xi, reward, queue, yFrame, host, countdown, blocked);
        result.MoveToOuterScope();
        return result;
    }

    /// <summary>
    /// S15, Gauss-Markov mobility (eqs. 1–4): move with the previous speed and heading, reflect at the walls
    /// (x first, then y, mirroring θ and θ̄; then clamp), then v ← μ1 v + (1−μ1) s̄ + √(1−μ1²) Φ (v ≥ 0) and
    /// θ ← μ2 θ + (1−μ2) θ̄ + √(1−μ2²) Ψ, with Φ = ξ̄_v + ζ_v·z0 and Ψ = ξ̄_θ + ζ_θ·z1.
    /// </summary>
    public DtSyncPeerMobility Move(DtSyncPeerInputs x)
    {
        using var scope = NewDisposeScope();
        var w = x.AreaM;
        var px = x.PosX + x.Speed * x.Heading.cos() * x.SlotS;
        var py = x.PosY + x.Speed * x.Heading.sin() * x.SlotS;
        var heading = x.Heading;
        var meanHeading = x.MeanHeading;
        const float pi = MathF.PI;

        var lowX = px.lt(0); var highX = px.gt(w);
        px = where(lowX, px.neg(), where(highX, 2f * w - px, px));
        var flipX = lowX | highX;
        heading = where(flipX, pi - heading, heading);
        meanHeading = where(flipX, pi - meanHeading, meanHeading);

        var lowY = py.lt(0); var highY = py.gt(w);
        py = where(lowY, py.neg(), where(highY, 2f * w - py, py));
        var flipY = lowY | highY;
        heading = where(flipY, heading.neg(), heading);
        meanHeading = where(flipY, meanHeading.neg(), meanHeading);

        px = minimum(px.clamp_min(0f), w);
        py = minimum(py.clamp_min(0f), w);

        var speedNoise = x.SpeedNoiseMean + x.SpeedNoiseStd * x.SpeedNoise;
        var headingNoise = x.HeadingNoiseMean + x.HeadingNoiseStd * x.HeadingNoise;
        var speed = (x.Mu1 * x.Speed + (1f - x.Mu1) * x.MeanSpeed + (1f - x.Mu1 * x.Mu1).sqrt() * speedNoise).clamp_min(0f);
        heading = x.Mu2 * heading + (1f - x.Mu2) * meanHeading + (1f - x.Mu2 * x.Mu2).sqrt() * headingNoise;

        var result = new DtSyncPeerMobility(px, py, speed, heading, meanHeading);
        result.MoveToOuterScope();
        return result;
    }

    /// <summary>numerator/denominator, T_BIG when the denominator is ≤ 1e-9, and never above T_BIG.</summary>
    private static Tensor SafeTime(Tensor numerator, Tensor denominator, Tensor tBig) =>
        where(denominator.le(ZeroDenominator), tBig, minimum(numerator / denominator, tBig));
}

/// <summary>The peer's results for one slot ([E, K] unless noted). Dispose to free the tensors.</summary>
public sealed record DtSyncPeerSlot(
    Tensor Transmitting, Tensor TxPowerW, Tensor RxTotalW /* [E, M] */, Tensor InterferenceW, Tensor Sinr, Tensor RateBps,
    Tensor CpuHz, Tensor WiredBps, Tensor DelayS, Tensor Failed, Tensor EnergyJ, Tensor Xi, Tensor RewardGlobal /* [E] */,
    Tensor VQueue, Tensor VQueueFrame, Tensor DtHost, Tensor MigCountdown, Tensor Blocked) : IDisposable
{
    private IEnumerable<Tensor> All() =>
    [
        Transmitting, TxPowerW, RxTotalW, InterferenceW, Sinr, RateBps, CpuHz, WiredBps, DelayS, Failed, EnergyJ, Xi,
        RewardGlobal, VQueue, VQueueFrame, DtHost, MigCountdown, Blocked,
    ];

    internal void MoveToOuterScope()
    {
        foreach (var t in All()) t.MoveToOuterDisposeScope();
    }

    /// <summary>Waits for the device (CUDA runs asynchronously) by reading one element back.</summary>
    public void Synchronize()
    {
        using var first = RewardGlobal[0];
        first.item<float>();
    }

    public DtSyncPeerSlotArrays ToArrays() => new(
        Bools(Transmitting), Floats(TxPowerW), Floats(RxTotalW), Floats(InterferenceW), Floats(Sinr), Floats(RateBps),
        Floats(CpuHz), Floats(WiredBps), Floats(DelayS), Bools(Failed), Floats(EnergyJ), Floats(Xi), Floats(RewardGlobal),
        Floats(VQueue), Floats(VQueueFrame), Ints(DtHost), Ints(MigCountdown), Bools(Blocked));

    internal static float[] Floats(Tensor t) { using var c = t.cpu().contiguous(); return c.data<float>().ToArray(); }
    private static bool[] Bools(Tensor t) { using var c = t.cpu().contiguous(); return c.data<bool>().ToArray(); }
    private static int[] Ints(Tensor t) { using var c = t.cpu().contiguous(); return c.data<long>().ToArray().Select(v => (int)v).ToArray(); }

    public void Dispose()
    {
        foreach (var t in All()) t.Dispose();
    }
}

/// <summary>Host copies of <see cref="DtSyncPeerSlot"/>.</summary>
public sealed record DtSyncPeerSlotArrays(
    bool[] Transmitting, float[] TxPowerW, float[] RxTotalW, float[] InterferenceW, float[] Sinr, float[] RateBps,
    float[] CpuHz, float[] WiredBps, float[] DelayS, bool[] Failed, float[] EnergyJ, float[] Xi, float[] RewardGlobal,
    float[] VQueue, float[] VQueueFrame, int[] DtHost, int[] MigCountdown, bool[] Blocked);

/// <summary>The peer's mobility state after S15 ([E, K]).</summary>
public sealed record DtSyncPeerMobility(Tensor PosX, Tensor PosY, Tensor Speed, Tensor Heading, Tensor MeanHeading) : IDisposable
{
    internal void MoveToOuterScope()
    {
        foreach (var t in new[] { PosX, PosY, Speed, Heading, MeanHeading }) t.MoveToOuterDisposeScope();
    }

    public (float[] PosX, float[] PosY, float[] Speed, float[] Heading, float[] MeanHeading) ToArrays() =>
        (DtSyncPeerSlot.Floats(PosX), DtSyncPeerSlot.Floats(PosY), DtSyncPeerSlot.Floats(Speed),
         DtSyncPeerSlot.Floats(Heading), DtSyncPeerSlot.Floats(MeanHeading));

    public void Dispose()
    {
        foreach (var t in new[] { PosX, PosY, Speed, Heading, MeanHeading }) t.Dispose();
    }
}
