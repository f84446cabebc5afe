using GpuTwin.Kernels.Runtime;
using GpuTwin.Training.Tabular.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace GpuTwin.Training.Tabular;

/// <summary>
/// The device side of one tabular learner over a batch of E envs: the tables (one per env, spec §10.1
/// <see cref="TableScope.SharedPerEnv"/>), the slot's copied transitions and the logs, and the act/update kernels
/// loaded once. Per slot: <see cref="Act"/>, then the env steps, then <see cref="Update"/>.
/// </summary>
public sealed class TabularLearner : IDisposable
{
    private readonly ComputeDevice _device;
    private readonly List<MemoryBuffer> _buffers = [];
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _q, _tdAbs;
    private readonly MemoryBuffer1D<int, Stride1D.Dense> _counts, _visitedCount, _tdCount, _contextHist;
    private readonly MemoryBuffer1D<byte, Stride1D.Dense> _visited;
    private readonly Kernel<TabularEnvView, TabularTables, TabularArgs> _act, _update;
    private readonly Kernel<TabularEnvView, TabularTables>? _recordOrder;
    private TabularTables _t;

    public TabularOptions Options { get; }
    public int NumEnvs { get; }
    public int UMax { get; }
    public TabularTables Tables => _t;

    /// <param name="maxActions">A of the table: the batch's largest action count 1 + 2(L − 1).</param>
    public TabularLearner(ComputeDevice device, int numEnvs, int uMax, int nMax, int maxActions, TabularOptions options)
    {
        _device = device;
        Options = options.Validate();
        NumEnvs = numEnvs;
        UMax = uMax;
        bool jal = options.Algorithm == TabularAlgo.Jal;
        int states = jal ? TabularRules.JalStates : TabularRules.IlStates;
        int contexts = jal && options.JalContext == JalContextMode.Committed ? TabularRules.MaxContexts : 1;
        long table = (long)numEnvs * states * contexts * maxActions, users = (long)numEnvs * uMax;
        _q = Alloc<float>(table);
        _visited = Alloc<byte>(table);
        _counts = Alloc<int>((long)numEnvs * states * contexts);
        _tdAbs = Alloc<float>(numEnvs);
        _tdCount = Alloc<int>(numEnvs);
        _visitedCount = Alloc<int>(numEnvs);
        _contextHist = Alloc<int>((long)numEnvs * TabularRules.MaxContexts);
        _t = new TabularTables
        {
            States = states, Contexts = contexts, Actions = maxActions,
            Q = _q.View, Counts = _counts.View, Visited = _visited.View, Commit = Alloc<int>((long)numEnvs * nMax).View,
            TrOrder = Alloc<int>(users).View, TrCount = Alloc<int>(numEnvs).View, TrActive = Alloc<byte>(users).View,
            TrState = Alloc<int>(users).View, TrContext = Alloc<byte>(users).View, TrAction = Alloc<byte>(users).View,
            TdAbsSum = _tdAbs.View, TdCount = _tdCount.View, VisitedCount = _visitedCount.View, ContextHist = _contextHist.View,
        };
        if (jal)
        {
            _act = device.Load<TabularEnvView, TabularTables, TabularArgs>(JalAct.JalActKernel);
            _update = device.Load<TabularEnvView, TabularTables, TabularArgs>(JalUpdate.JalUpdateKernel);
        }
        else
        {
            _act = device.Load<TabularEnvView, TabularTables, TabularArgs>(IlAct.IlActKernel);
            _recordOrder = device.Load<TabularEnvView, TabularTables>(IlAct.RecordOrderKernel);
            _update = device.Load<TabularEnvView, TabularTables, TabularArgs>(IlUpdate.IlUpdateKernel);
        }
    }

    private MemoryBuffer1D<T, Stride1D.Dense> Alloc<T>(long length) where T : unmanaged
    {
        var b = _device.Allocate<T>(length);
        _buffers.Add(b);
        return b;
    }

    private TabularArgs Args(bool explore, bool learn) => new()
    {
        Alpha = Options.Alpha, Gamma = Options.Gamma, EpsilonMin = Options.EpsilonMin,
        EpsilonDecayEpisodes = Options.EpsilonDecayEpisodes, Explore = explore ? 1 : 0, Learn = learn ? 1 : 0,
    };

    private void Check(in TabularEnvView view)
    {
        if (view.NumEnvs != NumEnvs || view.UMax != UMax)
            throw new ArgumentException($"the learner was built for {NumEnvs} envs x {UMax} users, the env view has {view.NumEnvs} x {view.UMax}", nameof(view));
    }

    /// <summary>Writes every user's action into the env's action buffer and keeps the slot's transitions.</summary>
    /// <param name="explore">ε-greedy from the schedule (training); false: greedy, ε = 0.</param>
    /// <param name="learn">Count contexts N[s, c] (training only).</param>
    public void Act(in TabularEnvView view, bool explore, bool learn)
    {
        Check(view);
        var args = Args(explore, learn);
        if (_recordOrder != null)
        {
            _act(NumEnvs * UMax, view, _t, args);
            _recordOrder(NumEnvs, view, _t);
        }
        else _act(NumEnvs, view, _t, args);
    }

    /// <summary>Applies the slot's transitions after the env stepped: r from UserReward, s' from the (final) observation.</summary>
    public void Update(in TabularEnvView view)
    {
        Check(view);
        _update(NumEnvs, view, _t, Args(explore: false, learn: true));
    }

    /// <summary>Clears the TD-error sums and the context histogram (the visit marks stay).</summary>
    public void ClearLogs()
    {
        _tdAbs.MemSetToZero();
        _tdCount.MemSetToZero();
        _contextHist.MemSetToZero();
    }

    public LearnerLog ReadLogs()
    {
        _device.Synchronize();
        float[] td = _tdAbs.GetAsArray1D();
        int[] tdCount = _tdCount.GetAsArray1D(), visited = _visitedCount.GetAsArray1D(), hist = _contextHist.GetAsArray1D();
        double tdSum = td.Sum(x => (double)x);
        long updates = tdCount.Sum(x => (long)x);
        double visitedFraction = visited.Average(x => (double)x) / _t.TableSize;
        double entropy = 0;
        for (int e = 0; e < NumEnvs; e++) entropy += EntropyBits(hist.AsSpan(e * TabularRules.MaxContexts, TabularRules.MaxContexts));
        return new LearnerLog(updates > 0 ? tdSum / updates : 0, visitedFraction, entropy / NumEnvs, updates);
    }

    /// <summary>H = −Σ p log2 p of a histogram (0 when empty).</summary>
    public static double EntropyBits(ReadOnlySpan<int> histogram)
    {
        long total = 0;
        foreach (int h in histogram) total += h;
        if (total == 0) return 0;
        double entropy = 0;
        foreach (int h in histogram)
            if (h > 0)
            {
                double p = (double)h / total;
                entropy -= p * Math.Log2(p);
            }
        return entropy;
    }

    #region Table transfer (checkpoints, tests)

    public float[] DownloadQ() { _device.Synchronize(); return _q.GetAsArray1D(); }
    public int[] DownloadCounts() { _device.Synchronize(); return _counts.GetAsArray1D(); }
    public byte[] DownloadVisited() { _device.Synchronize(); return _visited.GetAsArray1D(); }

    /// <summary>Replaces the tables (Q, counts, visit marks) and recounts the visited entries per env.</summary>
    public void Upload(float[] q, int[] counts, byte[] visited)
    {
        if (q.Length != _q.Length || counts.Length != _counts.Length || visited.Length != _visited.Length)
            throw new ArgumentException($"table shapes differ: Q {q.Length} vs {_q.Length}, N {counts.Length} vs {_counts.Length}, visited {visited.Length} vs {_visited.Length}");
        _q.CopyFromCPU(q);
        _counts.CopyFromCPU(counts);
        _visited.CopyFromCPU(visited);
        int size = _t.TableSize;
        _visitedCount.CopyFromCPU(Enumerable.Range(0, NumEnvs).Select(e => visited.AsSpan(e * size, size).Count((byte)1)).ToArray());
    }

    #endregion

    public void Dispose()
    {
        foreach (var b in _buffers) b.Dispose();
        _buffers.Clear();
    }
}
