using GpuTwin.Training.Plots;

namespace GpuTwin.Tests.Training;

public class LinePlotTests
{
    [Fact]
    public void SavePng_WritesAValidPngAtomically()
    {
        string dir = Directory.CreateTempSubdirectory("plot").FullName;
        try
        {
            string path = Path.Combine(dir, "curve.png");
            LinePlot.SavePng(path, "test", "step", "reward",
                [new Series("a", [1, 2, 3], [0.5, 0.7, 0.9]), new Series("b", [1, 2, 3], [0.1, 0.2, 0.4])]);
            byte[] bytes = File.ReadAllBytes(path);
            Assert.True(bytes.Length > 1000);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
            Assert.Single(Directory.GetFiles(dir)); // no temporary file left behind
        }
        finally { Directory.Delete(dir, true); }
    }
}
