using GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement;

namespace GpuTwin.Tests.CollabMec.Refinement;

/// <summary>
/// A host-side collab-mec decision state for E envs (the spec §4 fields the decoder reads), built by hand or
/// drawn from a seeded generator that covers the decoder's corner cases. Device slot (i, j) of env e is
/// (e·N + i)·U + j, as in <see cref="RefinementViews"/>.
/// </summary>
public sealed class MecCase
{
    public int E, N, U;
    public byte[] BsActive = [], DevActive = [];
    public float[] CpuHz = [], WiredBps = [], BandwidthHz = [], NoisePsd = [];
    public int[] CpuMode = [], CpuDropRule = [];
    public float[] TxPowerW = [], BatteryJ = [], SizeBits = [], CyclesPerBit = [], DeadlineS = [], Award = [], Gain = [];

    public int Slots => N * U;
    public int Dev(int e, int i, int j) => (e * N + i) * U + j;
    public int Bs(int e, int b) => e * N + b;
    public int Link(int e, int i, int b) => (e * N + i) * N + b;
    public int ProtoWidth => N + 2;
    public int ProtoLength => E * Slots * ProtoWidth;

    public bool Allowed(int e, int i, int b) => BsActive[Bs(e, b)] != 0 && (b == i || WiredBps[Link(e, i, b)] > 0f);

    /// <summary>All-zero state with every BS active, all links at 1e8 bit/s, B = 1 MHz, N0 = 1e−8 W/Hz, F = 0.6 GHz.</summary>
    public static MecCase Empty(int e, int n, int u)
    {
        var c = new MecCase { E = e, N = n, U = u };
        int dev = e * n * u, bs = e * n;
        c.BsActive = Enumerable.Repeat((byte)1, bs).ToArray();
        c.DevActive = new byte[dev];
        c.CpuHz = Enumerable.Repeat(0.6e9f, bs).ToArray();
        c.WiredBps = Enumerable.Repeat(1e8f, bs * n).ToArray();
        c.BandwidthHz = Enumerable.Repeat(1e6f, e).ToArray();
        c.NoisePsd = Enumerable.Repeat(1e-8f, e).ToArray();
        c.CpuMode = new int[e];
        c.CpuDropRule = new int[e];
        c.TxPowerW = new float[dev];
        c.BatteryJ = new float[dev];
        c.SizeBits = new float[dev];
        c.CyclesPerBit = new float[dev];
        c.DeadlineS = new float[dev];
        c.Award = new float[dev];
        c.Gain = new float[dev];
        return c;
    }

    /// <summary>Sets device (e, i, j) active with its task and radio fields.</summary>
    public void SetDevice(int e, int i, int j, float p, float h, float battery, float z, float v, float deadline, float award)
    {
        int d = Dev(e, i, j);
        DevActive[d] = 1;
        TxPowerW[d] = p;
        Gain[d] = h;
        BatteryJ[d] = battery;
        SizeBits[d] = z;
        CyclesPerBit[d] = v;
        DeadlineS[d] = deadline;
        Award[d] = award;
    }

    /// <summary>
    /// Spec §3 draws (defaults), with per-env twists that reach every decoder branch: random U_i, inactive BSs,
    /// missing links, F from {0, 0.2, 0.6, 5} GHz, zero gains, infeasible deadlines, large batteries (so the CPU
    /// binds) and occasionally B·N0 tiny relative to the signals (interference-limited).
    /// </summary>
    public static MecCase Random(int seed, int e, int n, int u, bool corners = true)
    {
        var rng = new System.Random(seed);
        var c = Empty(e, n, u);
        float[] cpuChoices = [0f, 0.2e9f, 0.6e9f, 0.6e9f, 5e9f];
        for (int env = 0; env < e; env++)
        {
            bool twist = corners && rng.NextDouble() < 0.5;
            for (int b = 0; b < n; b++)
            {
                c.BsActive[c.Bs(env, b)] = (byte)(twist && n > 1 && rng.NextDouble() < 0.15 ? 0 : 1);
                c.CpuHz[c.Bs(env, b)] = twist ? cpuChoices[rng.Next(cpuChoices.Length)] : 0.6e9f;
                for (int k = 0; k < n; k++)
                    c.WiredBps[c.Link(env, b, k)] = k == b ? 0f : (twist && rng.NextDouble() < 0.25 ? 0f : 1e8f);
            }
            if (twist && rng.NextDouble() < 0.2) c.BandwidthHz[env] = (float)(0.5e6 + 2e6 * rng.NextDouble());
            if (twist && rng.NextDouble() < 0.1) c.CpuMode[env] = (int)VecEnv.Scenarios.CollaborativeMec.Refinement.CpuMode.ActorLiteral;
            if (twist && rng.NextDouble() < 0.1) c.CpuDropRule[env] = (int)VecEnv.Scenarios.CollaborativeMec.Refinement.CpuDropRule.GreedyFill;
            double batteryScale = twist && rng.NextDouble() < 0.5 ? 1.0 : 0.05;
            for (int i = 0; i < n; i++)
            {
                if (c.BsActive[c.Bs(env, i)] == 0) continue;
                int count = rng.Next(u + 1);
                if (!twist) count = u;
                for (int j = 0; j < count; j++)
                {
                    float h = (float)(0.1 * -Math.Log(1 - rng.NextDouble()));
                    if (twist && rng.NextDouble() < 0.05) h = 0f;
                    float deadline = (float)(0.2 + 1.8 * rng.NextDouble());
                    if (twist && rng.NextDouble() < 0.05) deadline = 1e-4f;
                    c.SetDevice(env, i, j,
                        p: (float)(0.05 + 0.13 * rng.NextDouble()),
                        h: h,
                        battery: (float)(batteryScale * rng.NextDouble()),
                        z: (float)(5e4 + 3e4 * rng.NextDouble()),
                        v: (float)(3000 + 5000 * rng.NextDouble()),
                        deadline: deadline,
                        award: (float)(1 + 2 * rng.NextDouble()));
                }
            }
        }
        return c;
    }

    /// <summary>Envs <paramref name="envs"/> of this case as a new batch, in that order.</summary>
    public MecCase Subset(params int[] envs)
    {
        var c = Empty(envs.Length, N, U);
        int s = Slots;
        for (int k = 0; k < envs.Length; k++)
        {
            int e = envs[k];
            Copy(BsActive, c.BsActive, e, k, N);
            Copy(CpuHz, c.CpuHz, e, k, N);
            Copy(WiredBps, c.WiredBps, e, k, N * N);
            Copy(BandwidthHz, c.BandwidthHz, e, k, 1);
            Copy(NoisePsd, c.NoisePsd, e, k, 1);
            Copy(CpuMode, c.CpuMode, e, k, 1);
            Copy(CpuDropRule, c.CpuDropRule, e, k, 1);
            Copy(DevActive, c.DevActive, e, k, s);
            foreach (var (from, to) in new[] { (TxPowerW, c.TxPowerW), (BatteryJ, c.BatteryJ), (SizeBits, c.SizeBits), (CyclesPerBit, c.CyclesPerBit), (DeadlineS, c.DeadlineS), (Award, c.Award), (Gain, c.Gain) })
                Copy(from, to, e, k, s);
        }
        return c;
    }

    private static void Copy<T>(T[] from, T[] to, int e, int k, int width) => Array.Copy(from, e * width, to, k * width, width);
}
