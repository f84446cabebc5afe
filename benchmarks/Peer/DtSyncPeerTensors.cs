using TorchSharp;
using P = GpuTwin.VecEnv.Scenarios.DtSyncMigration.DtSyncParameters;
using static TorchSharp.torch;

namespace GpuTwin.Benchmarks.Peer;

/// <summary>
/// <see cref="DtSyncSlotInputs"/> as torch tensors on one device: per-MU fields [E, K], gains [E, K, M],
/// shares [E, M, 2K], BS indices and countdowns int64, flags bool. Scalar parameters are [E, 1] columns of
/// the env's parameter block, so they broadcast over MUs (and a batch may hold different values per env).
/// </summary>
public sealed class DtSyncPeerInputs : IDisposable
{
    public int E { get; }
    public int K { get; }
    public int M { get; }
    public Device Device { get; }

    // Parameters, [E, 1] float32.
    public Tensor SlotsPerFrame, SlotS, AreaM, BandwidthHz, NoiseW, PmaxW, WiredBps, FmaxHz, MigSlots, Eta, Epsilon, Nu, TBigS,
        Mu1, Mu2, SpeedNoiseStd, SpeedNoiseMean, HeadingNoiseStd, HeadingNoiseMean, EnergyWeight;

    public Tensor Slot;                                                   // [E, 1] float32 (n, exact below 2^24)
    public Tensor Gain;                                                   // [E, K, M]
    public Tensor Requested;                                              // [E, K] bool
    public Tensor DataBits, CyclesPerBit, DeadlineS;                      // [E, K]
    public Tensor AssocAction, ProposalAction, DtHost, MigCountdown;      // [E, K] int64
    public Tensor PowerAction;                                            // [E, K]
    public Tensor ShareAction;                                            // [E, M, 2K]
    public Tensor VQueue, VQueueFrame;                                    // [E, K]
    public Tensor PosX, PosY, Speed, Heading, MeanSpeed, MeanHeading;     // [E, K]
    public Tensor SpeedNoise, HeadingNoise;                               // [E, K] standard normals

    public DtSyncPeerInputs(DtSyncSlotInputs s, Device device)
    {
        E = s.NumEnvs; K = s.K; M = s.M; Device = device;
        long[] ek = [E, K];
        Tensor Col(int parameter)
        {
            var v = new float[E];
            for (int e = 0; e < E; e++) v[e] = s.P(e, parameter);
            return tensor(v, [E, 1], device: device);
        }
        Tensor F(float[] v, long[] shape) => tensor(v, shape, device: device);
        Tensor I(int[] v) => tensor(v.Select(x => (long)x).ToArray(), ek, device: device);

        SlotsPerFrame = Col(P.SlotsPerFrame); SlotS = Col(P.SlotS);
        AreaM = Col(P.AreaM); BandwidthHz = Col(P.BandwidthHz);
        NoiseW = Col(P.NoiseW); PmaxW = Col(P.PmaxW);
        WiredBps = Col(P.WiredBps); FmaxHz = Col(P.FmaxHz);
        MigSlots = Col(P.MigSlots); Eta = Col(P.Eta);
        Epsilon = Col(P.Epsilon); Nu = Col(P.Nu); TBigS = Col(P.TBigS);
        Mu1 = Col(P.Mu1); Mu2 = Col(P.Mu2);
        SpeedNoiseStd = Col(P.SpeedNoiseStdMps); SpeedNoiseMean = Col(P.SpeedNoiseMeanMps);
        HeadingNoiseStd = Col(P.HeadingNoiseStdRad); HeadingNoiseMean = Col(P.HeadingNoiseMeanRad);
        using (var k = Col(P.K)) EnergyWeight = k.reciprocal();   // w_E = 1/K (spec §12.5 default)

        Slot = tensor(s.Slot.Select(n => (float)n).ToArray(), [E, 1], device: device);
        Gain = F(s.Gain, [E, K, M]);
        Requested = tensor(s.Requested.Select(b => b != 0).ToArray(), ek, device: device);
        DataBits = F(s.DataBits, ek); CyclesPerBit = F(s.CyclesPerBit, ek); DeadlineS = F(s.DeadlineS, ek);
        AssocAction = I(s.AssocAction); ProposalAction = I(s.ProposalAction); DtHost = I(s.DtHost); MigCountdown = I(s.MigCountdown);
        PowerAction = F(s.PowerAction, ek);
        ShareAction = F(s.ShareAction, [E, M, 2 * K]);
        VQueue = F(s.VQueue, ek); VQueueFrame = F(s.VQueueFrame, ek);
        PosX = F(s.PosX, ek); PosY = F(s.PosY, ek); Speed = F(s.Speed, ek); Heading = F(s.Heading, ek);
        MeanSpeed = F(s.MeanSpeed, ek); MeanHeading = F(s.MeanHeading, ek);
        SpeedNoise = F(s.SpeedNoise, ek); HeadingNoise = F(s.HeadingNoise, ek);
    }

    private IEnumerable<Tensor> All() =>
    [
        SlotsPerFrame, SlotS, AreaM, BandwidthHz, NoiseW, PmaxW, WiredBps, FmaxHz, MigSlots, Eta, Epsilon, Nu, TBigS,
        Mu1, Mu2, SpeedNoiseStd, SpeedNoiseMean, HeadingNoiseStd, HeadingNoiseMean, EnergyWeight,
        Slot, Gain, Requested, DataBits, CyclesPerBit, DeadlineS, AssocAction, ProposalAction, DtHost, MigCountdown,
        PowerAction, ShareAction, VQueue, VQueueFrame, PosX, PosY, Speed, Heading, MeanSpeed, MeanHeading, SpeedNoise, HeadingNoise,
    ];

    public void Dispose()
    {
        foreach (var t in All()) t.Dispose();
    }
}
