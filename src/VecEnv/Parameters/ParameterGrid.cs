namespace GpuTwin.VecEnv.Parameters;

/// <summary>
/// Per-env parameter values of one batch: a base configuration, plus the cartesian product of the sweeps,
/// each grid point ("cell") repeated for <see cref="EnvsPerCell"/> envs in a contiguous block.
/// Env e belongs to cell e / EnvsPerCell.
/// </summary>
public sealed class ParameterGrid
{
    public ParameterTable Table { get; }
    public IReadOnlyList<Sweep> Sweeps { get; }
    public int EnvsPerCell { get; }
    public int Cells { get; }
    public int NumEnvs => Cells * EnvsPerCell;

    private readonly double[] _base;
    private readonly double[][] _cellValues;

    public ParameterGrid(ParameterTable table, IReadOnlyDictionary<int, double> overrides, IReadOnlyList<Sweep> sweeps, int envsPerCell)
    {
        if (envsPerCell < 1) throw new ParameterException($"--envs: {envsPerCell} is out of range; allowed: integer >= 1");
        Table = table;
        Sweeps = sweeps;
        EnvsPerCell = envsPerCell;
        _base = table.Defaults();
        foreach (var (i, v) in overrides) _base[i] = v;
        var dup = sweeps.GroupBy(s => table.IndexOf(s.Key)).FirstOrDefault(g => g.Count() > 1);
        if (dup != null) throw new ParameterException($"--sweep {table.Defs[dup.Key].Key} is given twice");

        var cells = new List<double[]> { (double[])_base.Clone() };
        foreach (var s in sweeps)
        {
            int idx = table.IndexOf(s.Key);
            cells = cells.SelectMany(c => s.Values.Select(v => { var n = (double[])c.Clone(); n[idx] = v; return n; })).ToList();
        }
        _cellValues = cells.ToArray();
        Cells = _cellValues.Length;
    }

    /// <summary>The defaults with overrides, one env per cell: the common single-config case.</summary>
    public static ParameterGrid Uniform(ParameterTable table, int numEnvs, IReadOnlyDictionary<int, double>? overrides = null) =>
        new(table, overrides ?? new Dictionary<int, double>(), [], numEnvs);

    public double Value(int env, int parameter) => _cellValues[env / EnvsPerCell][parameter];
    public double Value(int env, string key) => Value(env, Table.IndexOf(key));
    public double CellValue(int cell, int parameter) => _cellValues[cell][parameter];

    /// <summary>Largest value of a parameter over all envs (sizes padded buffers, e.g. K_max).</summary>
    public double Max(string key)
    {
        int i = Table.IndexOf(key);
        return _cellValues.Max(c => c[i]);
    }

    /// <summary>The swept values of one cell, as "key=value" labels.</summary>
    public string CellLabel(int cell) => Sweeps.Count == 0
        ? "defaults"
        : string.Join(" ", Sweeps.Select(s => { var d = Table[s.Key]; return $"{d.Key}={d.Format(_cellValues[cell][Table.IndexOf(s.Key)])}"; }));

    /// <summary>The device parameter block, [E, Count] row-major.</summary>
    public float[] ToDeviceLayout()
    {
        int p = Table.Count;
        var data = new float[NumEnvs * p];
        for (int e = 0; e < NumEnvs; e++)
        {
            var c = _cellValues[e / EnvsPerCell];
            for (int i = 0; i < p; i++) data[e * p + i] = (float)c[i];
        }
        return data;
    }
}
