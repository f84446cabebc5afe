using GpuTwin.Kernels.Runtime;
using GpuTwin.Tests.IotMigration;
using GpuTwin.VecEnv.Parameters;
using GpuTwin.VecEnv.Running;
using GpuTwin.VecEnv.Scenarios;

namespace GpuTwin.Tests.Running;

public class BackendParityTests
{
    private static readonly BackendParity.Tolerance Tight = new(1e-4, 1e-5);

    public static TheoryData<string> ScenarioIds => new(ScenarioRegistry.Available.Select(s => s.Id));

    private static IScenario Scenario(string id) =>
        id == "iot-migration" ? IotMigrationTestBed.Scenario : ScenarioRegistry.Get(id); // no X.509 pool build in a unit test

    [Theory]
    [MemberData(nameof(ScenarioIds))]
    public void HostPathAndIlgpuCpu_AgreeExactly_OnEveryBuffer(string id)
    {
        var scenario = Scenario(id);
        var grid = ParameterGrid.Uniform(scenario.Parameters, 2);
        using var host = ComputeDevice.Create(DeviceKind.Cpu);
        using var emulator = ComputeDevice.Create(DeviceKind.IlgpuCpu);
        var report = BackendParity.Compare(scenario, scenario.Policies[^1].Name, 5, 3, Tight, (host, grid), (emulator, grid));

        Assert.True(report.Agrees, string.Join(", ", report.Fields.Where(f => !f.Agrees).Select(f => f.Name)));
        Assert.Equal(-1, report.FirstMismatchStep);
        Assert.Contains(report.Fields, f => f.Name.StartsWith("obs[", StringComparison.Ordinal));
        Assert.Contains(report.Fields, f => f.Name == "step counters");
        foreach (var f in report.Fields)
        {
            Assert.True(f.Compared > 0, $"{f.Name} compared nothing");
            Assert.Equal(0.0, f.MaxAbsDiff); // the same kernels on the same host: bit-identical
        }
    }

    [Fact]
    public void ADifferentConfiguration_IsReportedFromTheFirstStepItShows()
    {
        // Same device, same seed, but the candidate's MUs request a sync with probability 0.9 instead of 0.5:
        // the observations of the very first slot already differ.
        var scenario = ScenarioRegistry.Get("dt-sync");
        var reference = ParameterGrid.Uniform(scenario.Parameters, 2);
        var candidate = ScenarioGrid.Build(scenario, null, ["lambda=0.9"], [], 2);
        using var host = ComputeDevice.Create(DeviceKind.Cpu);
        var report = BackendParity.Compare(scenario, "static", 5, 4, Tight, (host, reference), (host, candidate));

        Assert.False(report.Agrees);
        Assert.Equal(0, report.FirstMismatchStep);
        var obs = report.Fields.Single(f => f.Name == "obs[mu]");
        Assert.True(obs.Mismatches > 0 && obs.MaxAbsDiff > 0);
    }

    [Fact]
    public void FloatTolerance_IsAbsolutePlusRelative_AndNaNOnlyEqualsNaN()
    {
        var tol = new BackendParity.Tolerance(1e-3, 1e-6);
        var f = new FieldComparison("x");
        // 1000 ± 1.0000009 is just inside 1e-6 + 1e-3·1000; 1000 ± 1.01 is outside.
        f.AddFloats([1000f, 0f, float.NaN, float.PositiveInfinity], [1000.999f, 5e-7f, float.NaN, float.PositiveInfinity], 0, tol);
        Assert.True(f.Agrees);
        Assert.Equal(4, f.Compared);
        Assert.Equal(0.999, f.MaxAbsDiff, 3);

        f.AddFloats([1000f], [1001.1f], 1, tol);
        f.AddFloats([1f, 2f], [float.NaN, float.PositiveInfinity], 2, tol);
        Assert.False(f.Agrees);
        Assert.Equal(3, f.Mismatches);
        Assert.Equal(1, f.FirstMismatchStep);
        Assert.True(double.IsPositiveInfinity(f.MaxAbsDiff));
    }

    [Fact]
    public void ExactFields_CountEveryDifferentElement()
    {
        var f = new FieldComparison("flags");
        f.AddExact<byte>([0, 1, 1], [0, 1, 1], 0);
        f.AddExact<byte>([0, 1, 1], [1, 1, 0], 3);
        Assert.True(f.IsExact);
        Assert.Equal(6, f.Compared);
        Assert.Equal(2, f.Mismatches);
        Assert.Equal(3, f.FirstMismatchStep);
    }
}
