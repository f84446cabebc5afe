using GpuTwin.Kernels.Runtime;
using GpuTwin.VecEnv.Scenarios.IomtMultiTask;
using GpuTwin.VecEnv.Spaces;
using static GpuTwin.Tests.Iomt.IomtTestBed;

namespace GpuTwin.Tests.Iomt;

/// <summary>The observation of eq. 14, ô, ŝ, the hybrid action space and padding masks (spec §5).</summary>
public class ObservationTests
{
    [Fact]
    public void Spec_HasTheHybridActionAndTheSpecSizes()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 1);
        var g = Assert.Single(env.Spec.Groups);
        Assert.Equal(8, g.Count);
        Assert.Equal(35, g.ObservationSize);     // 3·8 + 3 + 2·4
        Assert.Equal(45, env.Spec.GlobalStateSize); // 3·8 + 5·4 + 1
        var h = Assert.IsType<Hybrid>(g.ActionSpace);
        Assert.Equal(new MultiDiscrete(8, 5, h.Discrete is MultiDiscrete md ? md.Meaning : ""), h.Discrete);
        Assert.Equal(8, h.DiscreteWidth);
        Assert.Equal(16, h.ContinuousWidth);
        Assert.Equal(24, g.MaskWidth);
        Assert.Equal(11, env.State.CorrectedObsSize);
    }

    [Fact]
    public void Observation_IsTaskMajorAndNormalised()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 2);
        env.Reset(7);
        env.Observe(0);
        device.Synchronize();
        var o = Read(env.Observation(0)); var oc = Read(env.CorrectedObservation);
        var s = env.State;
        var d = Read(s.DataBits); var c = Read(s.Cycles); var p = Read(s.Priority); var ptx = Read(s.TxPowerW);
        int size = s.ObsSize;
        for (int e = 0; e < 2; e++)
            for (int i = 0; i < 8; i++)
            {
                int b = (e * 8 + i) * size, u = e * 8 + i;
                for (int j = 0; j < 8; j++)
                {
                    int t = u * 8 + j;
                    Assert.Equal(d[t] / 4e5f, o[b + 3 * j], 6);
                    Assert.Equal(c[t] / 2e5f, o[b + 3 * j + 1], 6);
                    Assert.Equal(p[t] / 3f, o[b + 3 * j + 2], 6);
                }
                Assert.Equal(ptx[u] / 0.4f, o[b + 24], 6);
                Assert.Equal(1f, o[b + 25]);
                Assert.Equal(1f, o[b + 26]);
                for (int k = 0; k < 4; k++) { Assert.Equal(1f, o[b + 27 + 2 * k]); Assert.Equal(1f, o[b + 28 + 2 * k]); }
                Assert.Equal(o.Skip(b + 24).Take(11), oc.Skip(u * 11).Take(11)); // ô = device ++ server block
            }
    }

    [Fact]
    public void PaddedUsersTasksAndServers_AreZeroAndMasked()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        var grid = Grid(1, [], SweepOf("tasks=4,8"), SweepOf("servers=2,4"), SweepOf("users=4,8"));
        using var env = new IomtEnv(device, grid);
        Assert.Equal((8, 8, 4), (env.UMax, env.JMax, env.KMax));
        env.Reset(2);
        env.Observe(0);
        env.ObserveGlobal();
        SetActions(env, 4, 1f, 1f);
        env.Step();
        device.Synchronize();
        var o = Read(env.Observation(0)); var taskActive = Read(env.TaskActive); var serverActive = Read(env.ServerActive);
        var gl = Read(env.GlobalState); var delay = Read(env.State.DelayS); var target = Read(env.State.Target);
        int size = env.State.ObsSize, gs = env.State.GlobalSize;
        for (int e = 0; e < env.NumEnvs; e++)
        {
            int tasks = (int)env.Parameters.Value(e, "tasks"), servers = (int)env.Parameters.Value(e, "servers"), users = (int)env.Parameters.Value(e, "users");
            for (int k = 0; k < 4; k++) Assert.Equal(k < servers, serverActive[e * 4 + k] != 0);
            for (int i = 0; i < 8; i++)
                for (int j = 0; j < 8; j++)
                {
                    int t = (e * 8 + i) * 8 + j;
                    bool active = i < users && j < tasks;
                    Assert.Equal(active, taskActive[t] != 0);
                    if (!active) { Assert.Equal(0f, delay[t]); Assert.Equal(0f, o[(e * 8 + i) * size + 3 * j]); }
                    else Assert.Equal(servers == 4 ? 4 : 0, target[t]); // s = 4 is illegal with 2 servers
                }
            for (int i = users; i < 8; i++) Assert.All(o.Skip((e * 8 + i) * size).Take(size), x => Assert.Equal(0f, x));
            for (int k = servers; k < 4; k++) Assert.Equal(0f, o[(e * 8) * size + 27 + 2 * k]);
            for (int i = users; i < 8; i++) Assert.Equal(0f, gl[e * gs + 3 * i]);
        }
    }

    [Fact]
    public void ObsExtras_SitBetweenTheDeviceAndServerBlocks_AndOnlyDistancesStayPrivate()
    {
        using var device = ComputeDevice.Create(DeviceKind.Cpu);
        using var env = Env(device, 1, ("obs_distances", 1), ("obs_spectral_eff", 1), ("obs_prev_load", 1), ("obs_step_phase", 1));
        Assert.Equal(35 + 4 + 4 + 12 + 1, env.Spec.Groups[0].ObservationSize);
        Assert.Equal(11 + 4 + 12 + 1, env.State.CorrectedObsSize);
        var pol = Policy(env, "all-offload-best");
        Run(env, pol, 1, 3, observe: true);
        env.Observe(0);
        device.Synchronize();
        var o = Read(env.Observation(0)); var oc = Read(env.CorrectedObservation);
        var dist = Read(env.State.Dist); var rho = Read(env.State.MeanGainOverN0); var load = Read(env.State.ServerLoadTasks);
        for (int i = 0; i < 8; i++)
        {
            int b = i * 56 + 27;
            for (int k = 0; k < 4; k++)
            {
                Assert.Equal(dist[i * 4 + k] / 500f, o[b + k], 6);
                Assert.Equal(Math.Log2(1 + rho[i * 4 + k] / 1.25e8), o[b + 4 + k], 4);
                Assert.Equal(load[k] / 64f, o[b + 8 + 3 * k], 6);
            }
            Assert.Equal(1f / 50, o[b + 20], 6);
            Assert.Equal(1f, o[b + 21]); // the server block follows
            Assert.Equal(o.Skip(i * 56 + 24).Take(3).Concat(o.Skip(b + 4).Take(25)), oc.Skip(i * 28).Take(28));
        }
    }
}
