namespace GpuTwin.VecEnv.Running;

/// <summary>What <see cref="BackendParity.Compare"/> found: one comparison per buffer, in the order first seen.</summary>
public sealed record ParityReport(string ScenarioId, string Policy, int NumEnvs, int Steps, BackendParity.Tolerance Tolerance,
    string ReferenceDevice, string CandidateDevice, IReadOnlyList<FieldComparison> Fields)
{
    public bool Agrees => Fields.All(f => f.Agrees);
    /// <summary>The first step at which any buffer left the tolerance, or −1.</summary>
    public int FirstMismatchStep => Fields.Where(f => !f.Agrees).Select(f => f.FirstMismatchStep).DefaultIfEmpty(-1).Min();
}
