using GpuTwin.Training;
using GpuTwin.Training.Runs;
using TorchSharp;
using static TorchSharp.torch;

namespace GpuTwin.Tests.Training.Runs;

/// <summary>Checkpoint.Load restores torch's global RNG, so these run alone (not in parallel with other torch tests).</summary>
[CollectionDefinition(nameof(TorchGlobalRngCollection), DisableParallelization = true)]
public sealed class TorchGlobalRngCollection;

[Collection(nameof(TorchGlobalRngCollection))]
public class CheckpointTests
{
    private static readonly CheckpointInfo Info = new(42, 172_032, double.NegativeInfinity, "cfg-abc123",
        new Dictionary<string, string> { ["env_rng"] = "0123456789abcdef", ["note"] = "ünïcode" });

    public CheckpointTests() => TorchRuntime.EnsureLoaded();

    /// <summary>A Linear layer with deterministic, distinguishable weights (no global RNG involved).</summary>
    private static nn.Module<Tensor, Tensor> MakeLinear(int inFeatures, int outFeatures, float offset)
    {
        var lin = nn.Linear(inFeatures, outFeatures);
        using (no_grad())
        {
            foreach (var (_, p) in lin.named_parameters())
            {
                using var values = arange(p.NumberOfElements, dtype: ScalarType.Float32).reshape(p.shape).mul(0.1f).sin().add(offset);
                p.copy_(values);
            }
        }
        return lin;
    }

    private static optim.Optimizer MakeAdam(nn.Module<Tensor, Tensor> m) => optim.Adam(m.parameters(), lr: 0.05);

    private static void TrainSteps(nn.Module<Tensor, Tensor> m, optim.Optimizer opt, int steps)
    {
        using var x = arange(32, dtype: ScalarType.Float32).reshape(8, 4).div(7f).cos();
        using var y = arange(24, dtype: ScalarType.Float32).reshape(8, 3).div(5f).sin();
        for (int i = 0; i < steps; i++)
        {
            opt.zero_grad();
            using var outp = m.forward(x);
            using var loss = nn.functional.mse_loss(outp, y);
            loss.backward();
            opt.step();
        }
    }

    private static float[][] Params(nn.Module m) => m.parameters().Select(p => p.detach().data<float>().ToArray()).ToArray();

    private static Dictionary<string, nn.Module> Mods(params (string, nn.Module)[] m) => m.ToDictionary(p => p.Item1, p => p.Item2);
    private static Dictionary<string, optim.Optimizer> Opts(params (string, optim.Optimizer)[] o) => o.ToDictionary(p => p.Item1, p => p.Item2);

    [Fact]
    public void SaveLoad_RestoresParameters_AdamMoments_Info_AndRng()
    {
        using var tmp = new TempDir();
        string path = tmp.File("latest.ckpt");
        var net = MakeLinear(4, 3, 0f);
        var opt = MakeAdam(net);
        TrainSteps(net, opt, 3);
        torch.manual_seed(7);
        Checkpoint.Save(path, Info, Mods(("policy", net)), Opts(("policy", opt)));
        Assert.False(File.Exists(path + ".tmp"));
        using var drawnAfterSave = torch.rand(5);

        var net2 = MakeLinear(4, 3, 1f); // different weights, fresh Adam (zero moments)
        var opt2 = MakeAdam(net2);
        Assert.NotEqual(Params(net), Params(net2));
        CheckpointInfo loaded = Checkpoint.Load(path, Mods(("policy", net2)), Opts(("policy", opt2)), expectedConfigHash: "cfg-abc123");

        Assert.Equal((42L, 172_032L, double.NegativeInfinity, "cfg-abc123"), (loaded.Iteration, loaded.EnvSteps, loaded.BestScore, loaded.ConfigHash));
        Assert.Equal(Info.Extra.OrderBy(p => p.Key), loaded.Extra.OrderBy(p => p.Key));
        Assert.Equal(Params(net), Params(net2));
        using var drawnAfterLoad = torch.rand(5);
        Assert.Equal(drawnAfterSave.data<float>().ToArray(), drawnAfterLoad.data<float>().ToArray()); // RNG restored

        // Control: same weights but fresh Adam moments take a different next step.
        var net3 = MakeLinear(4, 3, 2f);
        Checkpoint.Load(path, Mods(("policy", net3)), Opts(("policy", MakeAdam(net3))));
        var freshAdam = MakeAdam(net3);

        TrainSteps(net, opt, 1);
        TrainSteps(net2, opt2, 1);
        TrainSteps(net3, freshAdam, 1);
        Assert.Equal(Params(net), Params(net2)); // bit-identical next step: moments and step count restored
        Assert.NotEqual(Params(net), Params(net3));

        Assert.Equal(loaded.Iteration, Checkpoint.ReadInfo(path).Iteration);
    }

    [Fact]
    public void Corruptions_GiveClearCheckpointExceptions()
    {
        using var tmp = new TempDir();
        string path = tmp.File("latest.ckpt");
        var net = MakeLinear(4, 3, 0f);
        var opt = MakeAdam(net);
        TrainSteps(net, opt, 1);
        Checkpoint.Save(path, Info, Mods(("policy", net)), Opts(("adam", opt)));
        byte[] good = File.ReadAllBytes(path);

        string Fails(byte[] bytes)
        {
            string p = tmp.File($"bad{Guid.NewGuid():N}.ckpt");
            File.WriteAllBytes(p, bytes);
            var target = MakeLinear(4, 3, 1f);
            var ex = Assert.Throws<CheckpointException>(() => Checkpoint.Load(p, Mods(("policy", target)), Opts(("adam", MakeAdam(target)))));
            Assert.Contains(p, ex.Message);
            return ex.Message;
        }

        Assert.Contains("truncated", Fails(good[..(good.Length / 2)]));
        Assert.Contains("truncated", Fails(good[..10]));

        byte[] magic = (byte[])good.Clone();
        magic[0] ^= 0xFF;
        Assert.Contains("not a GpuTwin checkpoint", Fails(magic));
        Assert.Contains("not a GpuTwin checkpoint", Fails("{\"json\": true}"u8.ToArray()));

        byte[] version = (byte[])good.Clone();
        version[8] = 99;
        Assert.Contains("version 99", Fails(version));

        byte[] flipped = (byte[])good.Clone();
        flipped[good.Length / 2] ^= 0x01;
        Assert.Contains("checksum", Fails(flipped));

        string missing = tmp.File("missing.ckpt");
        Assert.Contains(missing, Assert.Throws<CheckpointException>(() => Checkpoint.ReadInfo(missing)).Message);
    }

    [Fact]
    public void TruncatedFile_IsReportedAsTruncated_ByReadInfoToo()
    {
        using var tmp = new TempDir();
        string path = tmp.File("c.ckpt");
        var net = MakeLinear(2, 2, 0f);
        Checkpoint.Save(path, Info, Mods(("policy", net)), Opts(("adam", MakeAdam(net))));
        byte[] good = File.ReadAllBytes(path);
        File.WriteAllBytes(path, good[..(good.Length - 1)]);
        Assert.Contains("truncated", Assert.Throws<CheckpointException>(() => Checkpoint.ReadInfo(path)).Message);
    }

    [Fact]
    public void NameShapeAndConfigMismatches_AreNamed_AndLeaveModulesUntouched()
    {
        using var tmp = new TempDir();
        string path = tmp.File("latest.ckpt");
        var actor = MakeLinear(4, 3, 0f);
        var critic = MakeLinear(4, 1, 0f);
        var opt = MakeAdam(actor);
        Checkpoint.Save(path, Info, Mods(("actor", actor), ("critic", critic)), Opts(("adam", opt)));

        // Renamed module.
        var a = MakeLinear(4, 3, 1f);
        var c = MakeLinear(4, 1, 1f);
        var renamed = Assert.Throws<CheckpointException>(() =>
            Checkpoint.Load(path, Mods(("policy", a), ("critic", c)), Opts(("adam", MakeAdam(a))))).Message;
        Assert.Contains("'policy'", renamed);
        Assert.Contains("'actor'", renamed);

        // Renamed optimizer.
        var optName = Assert.Throws<CheckpointException>(() =>
            Checkpoint.Load(path, Mods(("actor", a), ("critic", c)), Opts(("sgd", MakeAdam(a))))).Message;
        Assert.Contains("'sgd'", optName);
        Assert.Contains("'adam'", optName);

        // Changed shape: the first module is valid, but nothing may be loaded when the second one is not.
        var aBefore = Params(a);
        var wideCritic = MakeLinear(4, 2, 1f);
        var shape = Assert.Throws<CheckpointException>(() =>
            Checkpoint.Load(path, Mods(("actor", a), ("critic", wideCritic)), Opts(("adam", MakeAdam(a))))).Message;
        Assert.Contains("critic.weight", shape);
        Assert.Contains("[1, 4]", shape);
        Assert.Contains("[2, 4]", shape);
        Assert.Equal(aBefore, Params(a));

        // Config changed.
        var config = Assert.Throws<CheckpointException>(() =>
            Checkpoint.Load(path, Mods(("actor", a), ("critic", c)), Opts(("adam", MakeAdam(a))), expectedConfigHash: "cfg-other")).Message;
        Assert.Contains("config changed", config);
        Assert.Contains("cfg-abc123", config);
        Assert.Contains("cfg-other", config);
        Assert.Equal(aBefore, Params(a));

        // And the matching call works.
        Checkpoint.Load(path, Mods(("actor", a), ("critic", c)), Opts(("adam", MakeAdam(a))), expectedConfigHash: "cfg-abc123");
        Assert.Equal(Params(actor), Params(a));
    }

    [Fact]
    public void CrashMidWrite_LeavesLatestIntact_AndTheNextSaveSucceeds()
    {
        using var tmp = new TempDir();
        var run = RunDirectory.Create(tmp.Path);
        var net = MakeLinear(4, 3, 0f);
        var opt = MakeAdam(net);
        Checkpoint.Save(run.LatestCheckpointPath, Info, Mods(("policy", net)), Opts(("adam", opt)));
        byte[] latest = File.ReadAllBytes(run.LatestCheckpointPath);

        // A save killed halfway leaves a partial temp file behind.
        File.WriteAllBytes(run.LatestCheckpointPath + ".tmp", latest[..(latest.Length / 3)]);
        Assert.Equal(latest, File.ReadAllBytes(run.LatestCheckpointPath));
        var restored = MakeLinear(4, 3, 1f);
        Assert.Equal(42, Checkpoint.Load(run.LatestCheckpointPath, Mods(("policy", restored)), Opts(("adam", MakeAdam(restored)))).Iteration);
        Assert.Equal(Params(net), Params(restored));

        // A save that fails before completing (here: an unknown optimizer type) does not touch latest.ckpt either.
        var badOptimizers = new Dictionary<string, optim.Optimizer> { ["adam"] = null! };
        Assert.ThrowsAny<Exception>(() => Checkpoint.Save(run.LatestCheckpointPath, Info with { Iteration = 43 }, Mods(("policy", net)), badOptimizers));
        Assert.Equal(latest, File.ReadAllBytes(run.LatestCheckpointPath));

        TrainSteps(net, opt, 1);
        Checkpoint.Save(run.LatestCheckpointPath, Info with { Iteration = 43 }, Mods(("policy", net)), Opts(("adam", opt)));
        Assert.Equal(43, Checkpoint.ReadInfo(run.LatestCheckpointPath).Iteration);
        Assert.False(File.Exists(run.LatestCheckpointPath + ".tmp"));
    }
}
