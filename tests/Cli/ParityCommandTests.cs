using System.Text.Json;
using static GpuTwin.Tests.Common.CliBed;

namespace GpuTwin.Tests.Cli;

public class ParityCommandTests
{
    [Fact]
    public void Parity_IlgpuCpuAgainstTheHostPath_AgreesOnEveryBuffer_AndExitsZero()
    {
        var (code, output, err) = Run("parity", "--scenario", "v2x", "--device", "ilgpu-cpu", "--envs", "2", "--steps", "3", "--json");
        Assert.True(code == 0, err + output);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.True(root.GetProperty("agrees").GetBoolean());
        var runs = root.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(5, runs.Count); // every v2x heuristic
        foreach (var run in runs)
        {
            Assert.Equal(-1, run.GetProperty("first_mismatch_step").GetInt32());
            foreach (var f in run.GetProperty("fields").EnumerateArray())
            {
                Assert.True(f.GetProperty("compared").GetInt64() > 0);
                Assert.Equal(0, f.GetProperty("mismatches").GetInt64());
                Assert.Equal(0.0, f.GetProperty("max_abs_diff").GetDouble());
            }
        }
    }

    [Theory]
    [InlineData("--device", "cpu", "--device")]
    [InlineData("--rtol", "2", "--rtol")]
    [InlineData("--steps", "0", "--steps")]
    [InlineData("--reference", "auto", "--reference")]
    public void Parity_BadInput_GivesOneLineErrorNamingTheFlag_AndExitCode2(string flag, string value, string named)
    {
        var args = new List<string> { "parity", "--scenario", "dt-sync", "--envs", "1", "--steps", "1" };
        if (flag != "--device") args.AddRange(["--device", "ilgpu-cpu"]);
        args.AddRange([flag, value]);
        var (code, output, err) = Run([.. args]);
        Assert.Equal(2, code);
        var line = err.Trim();
        Assert.DoesNotContain('\n', line);
        Assert.StartsWith($"gputwin: error: {named}", line);
        Assert.Contains("allowed", line);
        Assert.Equal("", output.Trim());
    }

    [Fact]
    public void DeviceCuda_WithoutAGpu_IsAOneLineError_NotACrash()
    {
        if (GpuTwin.Kernels.Runtime.ComputeDevice.CudaAvailable()) return; // a GPU machine: covered by the parity run itself
        foreach (var (verb, budget, value) in new[] { ("parity", "--steps", "1"), ("bench", "--seconds", "0.1"), ("run", "--steps", "1") })
        {
            var (code, output, err) = Run(verb, "--scenario", "dt-sync", "--device", "cuda", "--envs", "1", budget, value);
            Assert.Equal(2, code);
            var line = err.Trim();
            Assert.DoesNotContain('\n', line);
            Assert.StartsWith("gputwin: error: --device cuda: no CUDA device", line);
            Assert.Contains("allowed", line);
        }
    }
}
