using GpuTwin.Kernels.Memory;
using GpuTwin.Kernels.Runtime;
using ILGPU;

namespace GpuTwin.VecEnv.Scenarios.CollaborativeMec.Refinement;

/// <summary>
/// Algorithm 1 (spec §6 S3): maps a proto-action â [E, N·U_max·(N+2)], per slot [x̂, ŷ_0..ŷ_{N−1}, ŵ], to a
/// feasible (x, Target, f). Deterministic, no RNG, fixed summation orders, ties broken by index (I8).
/// Kernels are loaded once at construction. The multi-agent view's joint proto-action (agent i's U_max·(N+2)
/// values, concatenated in BS order) is this same layout, since q = i·U_max + j.
/// <para>After <see cref="Decode"/>: Offload, Target and AllocHz are final; NnOffload, EnergyOk, DemandHz (from R1)
/// and Priority hold the stages; CellRxPowerW and RateBps hold R2 (S4: the final transmitting set), so the env
/// only adds the delays. Counters hold the slot's decoder counts.</para>
/// </summary>
public sealed class ActionRefinement
{
    private readonly Kernel<RefinementViews, FieldView<float>> _nearest, _budget, _greedyFill, _totals, _allocate;
    private readonly Kernel<RefinementViews, FieldView<byte>> _stageRate;
    private readonly Kernel<RefinementViews> _energy, _demand, _counts;

    public ActionRefinement(ComputeDevice device)
    {
        _nearest = device.Load<RefinementViews, FieldView<float>>(NearestAction.NearestActionKernel);
        _energy = device.Load<RefinementViews>(EnergyCheck.EnergyCheckKernel);
        _demand = device.Load<RefinementViews>(MinimumDemand.MinimumDemandKernel);
        _budget = device.Load<RefinementViews, FieldView<float>>(CpuBudget.CpuBudgetKernel);
        _greedyFill = device.Load<RefinementViews, FieldView<float>>(CpuBudget.GreedyFillKernel);
        _totals = device.Load<RefinementViews, FieldView<float>>(CpuAllocation.BsTotalsKernel);
        _allocate = device.Load<RefinementViews, FieldView<float>>(CpuAllocation.AllocationKernel);
        _stageRate = device.Load<RefinementViews, FieldView<byte>>(StageRate.StageRateKernel);
        _counts = device.Load<RefinementViews>(DecoderCounts.DecoderCountsKernel);
    }

    /// <summary>Proto-action values per env.</summary>
    public static int ProtoLength(int n, int uMax) => n * uMax * (n + 2);

    /// <summary>Runs D1–D5 and the final rates (R2) for the first <paramref name="numEnvs"/> envs.</summary>
    public void Decode(in RefinementViews v, FieldView<float> proto, int numEnvs)
    {
        v.Validate(numEnvs);
        long need = (long)numEnvs * ProtoLength(v.N, v.UMax);
        if (proto.Length < need)
            throw new ArgumentException($"proto-action holds {proto.Length} values; {numEnvs} envs need {need} (N·U_max·(N+2) each)", nameof(proto));
        // One thread per (env, cell) for every stage but the per-env counters: a cell's S and its devices'
        // tests share the thread, and the host path pays one call per cell rather than per device.
        int cells = numEnvs * v.N;
        _nearest(cells, v, proto);                   // D1
        _energy(cells, v);                           // D2 (R0)
        _demand(cells, v);                           // D3 (R1)
        _budget(cells, v, proto);                    // D4
        _greedyFill(cells, v, proto);
        _totals(cells, v, proto);                    // D5
        _allocate(cells, v, proto);
        Rates(v, v.Offload, numEnvs);                // S4 (R2)
        _counts(numEnvs, v);
    }

    /// <summary>CellRxPowerW and RateBps for the transmitting set <paramref name="transmitting"/> [E, N, U_max].</summary>
    public void Rates(in RefinementViews v, FieldView<byte> transmitting, int numEnvs) => _stageRate(numEnvs * v.N, v, transmitting);
}
