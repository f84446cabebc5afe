using System.Runtime.InteropServices;
using System.Text;
using GpuTwin.Training;
using GpuTwin.Training.Native;
using TorchSharp;
using Xunit.Abstractions;

namespace GpuTwin.Tests.Training;

/// <summary>TorchSharp must load (thanks to the build-time GLIBCXX patch) and compute correctly.</summary>
public class TorchSharpLoadTests
{
    [Fact]
    public void EnsureLoaded_ThenMatmul_MatchesHandComputedValues()
    {
        TorchRuntime.EnsureLoaded();
        TorchRuntime.EnsureLoaded(); // idempotent

        using var a = torch.tensor(new float[] { 1, 2, 3, 4, 5, 6 }, new long[] { 2, 3 });
        using var b = torch.tensor(new float[] { 7, 8, 9, 10, 11, 12 }, new long[] { 3, 2 });
        using var c = torch.matmul(a, b);

        Assert.Equal(new long[] { 2, 2 }, c.shape);
        // [1 2 3; 4 5 6] x [7 8; 9 10; 11 12] = [58 64; 139 154]
        Assert.Equal(new float[] { 58, 64, 139, 154 }, c.data<float>().ToArray());
    }

    [Fact]
    public void EnsureLoaded_IsThreadSafe()
    {
        Parallel.For(0, 16, _ => TorchRuntime.EnsureLoaded());
        using var x = torch.ones(3);
        Assert.Equal(3f, x.sum().item<float>());
    }
}

/// <summary>Tests of the ELF patch used by build/TorchSharpGlibcxxFix.targets.</summary>
public class TorchSharpElfPatcherTests
{
    private const string V32 = ElfSymbolVersionPatcher.TorchSharpGlibcxxVersion;
    private readonly ITestOutputHelper _output;

    public TorchSharpElfPatcherTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void SyntheticElf_PatchSetsWeakFlagOnlyOnTarget_AndIsIdempotent()
    {
        byte[] elf = SyntheticElf.Build(
            ("libc.so.6", new[] { ("GLIBC_2.34", (ushort)0) }),
            ("libstdc++.so.6", new[] { ("GLIBCXX_3.4.30", (ushort)0), (V32, (ushort)0), ("CXXABI_1.3", (ushort)0) }));
        byte[] original = (byte[])elf.Clone();

        Assert.Equal((ushort)0, ElfSymbolVersionPatcher.GetVernauxFlags(elf, V32));
        Assert.Equal(ElfPatchResult.Patched, ElfSymbolVersionPatcher.PatchImage(elf, V32));
        Assert.Equal(ElfSymbolVersionPatcher.VerFlagWeak, ElfSymbolVersionPatcher.GetVernauxFlags(elf, V32));
        Assert.Equal((ushort)0, ElfSymbolVersionPatcher.GetVernauxFlags(elf, "GLIBCXX_3.4.30"));
        Assert.Equal((ushort)0, ElfSymbolVersionPatcher.GetVernauxFlags(elf, "CXXABI_1.3"));
        Assert.Equal(1, CountDifferentBytes(original, elf));

        byte[] once = (byte[])elf.Clone();
        Assert.Equal(ElfPatchResult.AlreadyWeak, ElfSymbolVersionPatcher.PatchImage(elf, V32));
        Assert.Equal(once, elf);
    }

    [Fact]
    public void SyntheticElf_KeepsOtherFlagBits()
    {
        byte[] elf = SyntheticElf.Build(("libstdc++.so.6", new[] { (V32, (ushort)0x1) }));
        Assert.Equal(ElfPatchResult.Patched, ElfSymbolVersionPatcher.PatchImage(elf, V32));
        Assert.Equal((ushort)0x3, ElfSymbolVersionPatcher.GetVernauxFlags(elf, V32));
    }

    [Fact]
    public void NoOp_WhenVersionAbsent_OrNotElf()
    {
        byte[] elf = SyntheticElf.Build(("libstdc++.so.6", new[] { ("GLIBCXX_3.4.30", (ushort)0), ("GLIBCXX_3.4.3", (ushort)0) }));
        byte[] copy = (byte[])elf.Clone();
        Assert.Equal(ElfPatchResult.VersionNotFound, ElfSymbolVersionPatcher.PatchImage(elf, V32));
        Assert.Equal(copy, elf);

        byte[] notElf = Encoding.ASCII.GetBytes("MZ this is not an ELF file, just some bytes that are long enough to have a header.");
        byte[] notElfCopy = (byte[])notElf.Clone();
        Assert.Equal(ElfPatchResult.NotElf64LittleEndian, ElfSymbolVersionPatcher.PatchImage(notElf, V32));
        Assert.Equal(notElfCopy, notElf);
        Assert.Equal(ElfPatchResult.NotElf64LittleEndian, ElfSymbolVersionPatcher.PatchImage(new byte[3], V32));
    }

    [Fact]
    public void TruncatedElf_Throws_InvalidData()
    {
        byte[] elf = SyntheticElf.Build(("libstdc++.so.6", new[] { (V32, (ushort)0) }));
        Assert.Throws<InvalidDataException>(() => ElfSymbolVersionPatcher.PatchImage(elf.AsSpan(0, elf.Length - 10).ToArray(), V32));
    }

    [Fact]
    public void PatchFile_ReplacesLinksWithPatchedCopies_LeavingTheLinkedFileUntouched()
    {
        if (!OperatingSystem.IsLinux()) { _output.WriteLine("Linux only (symlink/hard-link semantics)."); return; }

        string dir = Directory.CreateTempSubdirectory("elfpatch").FullName;
        try
        {
            byte[] elf = SyntheticElf.Build(("libstdc++.so.6", new[] { (V32, (ushort)0) }));
            string cached = Path.Combine(dir, "cached.so");
            File.WriteAllBytes(cached, elf);

            string sym = Path.Combine(dir, "sym.so");
            File.CreateSymbolicLink(sym, cached);
            Assert.Equal(ElfPatchResult.Patched, ElfSymbolVersionPatcher.PatchFile(sym, V32));
            Assert.Null(new FileInfo(sym).LinkTarget); // now a regular file
            Assert.Equal(ElfSymbolVersionPatcher.VerFlagWeak, ElfSymbolVersionPatcher.GetVernauxFlags(File.ReadAllBytes(sym), V32));

            string hard = Path.Combine(dir, "hard.so");
            Assert.Equal(0, Libc.link(cached, hard));
            Assert.Equal(ElfPatchResult.Patched, ElfSymbolVersionPatcher.PatchFile(hard, V32));
            Assert.Equal(ElfSymbolVersionPatcher.VerFlagWeak, ElfSymbolVersionPatcher.GetVernauxFlags(File.ReadAllBytes(hard), V32));
            Assert.Equal(ElfPatchResult.AlreadyWeak, ElfSymbolVersionPatcher.PatchFile(hard, V32));

            Assert.Equal(elf, File.ReadAllBytes(cached)); // the "NuGet cache" file is unchanged
            Assert.Empty(Directory.GetFiles(dir, "*.tmp")); // no temp files left behind
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void RealTorchSharpLibrary_FreshCopyFromNuGetCache_PatchesOnceThenNoOp()
    {
        string? original = FindNuGetCacheLibrary();
        // Restore always puts the pinned TorchSharp 0.107 package there; its absence is a failure, not a skip.
        Assert.True(original is not null, "libLibTorchSharp.so not found in the NuGet package folder (NUGET_PACKAGES or ~/.nuget/packages)");

        byte[] before = File.ReadAllBytes(original);
        Assert.True(ElfSymbolVersionPatcher.GetVernauxFlags(before, V32) is not null, $"{original} does not require {V32}: was TorchSharp upgraded? Revisit build/TorchSharpGlibcxxFix.targets");

        string dir = Directory.CreateTempSubdirectory("elfpatch").FullName;
        try
        {
            string copy = Path.Combine(dir, "libLibTorchSharp.so");
            File.Copy(original, copy);
            Assert.Equal(ElfPatchResult.Patched, ElfSymbolVersionPatcher.PatchFile(copy, V32));
            byte[] after = File.ReadAllBytes(copy);
            Assert.Equal(ElfSymbolVersionPatcher.VerFlagWeak, (ushort)(ElfSymbolVersionPatcher.GetVernauxFlags(after, V32)!.Value & ElfSymbolVersionPatcher.VerFlagWeak));
            Assert.Equal(1, CountDifferentBytes(before, after));

            Assert.Equal(ElfPatchResult.AlreadyWeak, ElfSymbolVersionPatcher.PatchFile(copy, V32));
            Assert.Equal(after, File.ReadAllBytes(copy));
            Assert.Equal(before, File.ReadAllBytes(original)); // cache untouched
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void OutputDirectoryCopy_WasPatchedByTheBuild()
    {
        if (!OperatingSystem.IsLinux()) { _output.WriteLine("Linux only."); return; }
        string[] libs = Directory.GetFiles(AppContext.BaseDirectory, "libLibTorchSharp.so", SearchOption.AllDirectories);
        Assert.NotEmpty(libs);
        foreach (string lib in libs)
        {
            ushort? flags = ElfSymbolVersionPatcher.GetVernauxFlags(File.ReadAllBytes(lib), V32);
            if (flags is null) continue; // a TorchSharp build that does not need the version
            Assert.True((flags.Value & ElfSymbolVersionPatcher.VerFlagWeak) != 0, $"{lib} is not patched");
        }
    }

    private static string? FindNuGetCacheLibrary()
    {
        string root = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } env
            ? env
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        Version? v = typeof(torch).Assembly.GetName().Version;
        if (v is null) return null;
        string path = Path.Combine(root, "torchsharp", $"{v.Major}.{v.Minor}.{v.Build}", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        return File.Exists(path) ? path : null;
    }

    private static int CountDifferentBytes(byte[] a, byte[] b)
    {
        Assert.Equal(a.Length, b.Length);
        int n = 0;
        for (int i = 0; i < a.Length; i++) if (a[i] != b[i]) n++;
        return n;
    }

    private static class Libc
    {
        [DllImport("libc", SetLastError = true)]
        public static extern int link(string oldpath, string newpath);
    }

    /// <summary>Builds a minimal ELF64 LE file with .dynstr and .gnu.version_r sections.</summary>
    private static class SyntheticElf
    {
        public static byte[] Build(params (string File, (string Name, ushort Flags)[] Versions)[] needs)
        {
            var strtab = new List<byte> { 0 };
            int AddString(string s)
            {
                int idx = strtab.Count;
                strtab.AddRange(Encoding.ASCII.GetBytes(s));
                strtab.Add(0);
                return idx;
            }

            var verneed = new List<byte>();
            ushort other = 2;
            for (int i = 0; i < needs.Length; i++)
            {
                var (file, versions) = needs[i];
                bool last = i == needs.Length - 1;
                W16(verneed, 1);
                W16(verneed, (ushort)versions.Length);
                W32(verneed, (uint)AddString(file));
                W32(verneed, 16); // vn_aux
                W32(verneed, last ? 0u : (uint)(16 + 16 * versions.Length)); // vn_next
                for (int k = 0; k < versions.Length; k++)
                {
                    W32(verneed, 0x1234); // vna_hash (not checked)
                    W16(verneed, versions[k].Flags);
                    W16(verneed, other++);
                    W32(verneed, (uint)AddString(versions[k].Name));
                    W32(verneed, k == versions.Length - 1 ? 0u : 16u);
                }
            }

            long strOff = 64, verOff = Align(strOff + strtab.Count, 8), shOff = Align(verOff + verneed.Count, 8);
            var f = new List<byte>(new byte[64]);
            byte[] ident = { 0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1 };
            for (int i = 0; i < ident.Length; i++) f[i] = ident[i];
            Put16(f, 0x10, 3);      // ET_DYN
            Put16(f, 0x12, 62);     // EM_X86_64
            Put32(f, 0x14, 1);
            Put64(f, 0x28, (ulong)shOff);
            Put16(f, 0x34, 64);
            Put16(f, 0x3a, 64);
            Put16(f, 0x3c, 3);
            f.AddRange(strtab);
            while (f.Count < verOff) f.Add(0);
            f.AddRange(verneed);
            while (f.Count < shOff) f.Add(0);
            f.AddRange(new byte[64]); // SHN_UNDEF
            Section(f, 3, strOff, strtab.Count, 0, 0);                         // .dynstr (SHT_STRTAB)
            Section(f, 0x6ffffffe, verOff, verneed.Count, 1, (uint)needs.Length); // .gnu.version_r
            return f.ToArray();
        }

        private static void Section(List<byte> f, uint type, long off, long size, uint link, uint info)
        {
            var s = new List<byte>();
            W32(s, 0); W32(s, type); W64(s, 2); W64(s, (ulong)off); W64(s, (ulong)off); W64(s, (ulong)size);
            W32(s, link); W32(s, info); W64(s, 8); W64(s, 0);
            f.AddRange(s);
        }

        private static long Align(long v, long a) => (v + a - 1) / a * a;
        private static void W16(List<byte> l, ushort v) { l.Add((byte)v); l.Add((byte)(v >> 8)); }
        private static void W32(List<byte> l, uint v) { W16(l, (ushort)v); W16(l, (ushort)(v >> 16)); }
        private static void W64(List<byte> l, ulong v) { W32(l, (uint)v); W32(l, (uint)(v >> 32)); }
        private static void Put16(List<byte> l, int o, ushort v) { l[o] = (byte)v; l[o + 1] = (byte)(v >> 8); }
        private static void Put32(List<byte> l, int o, uint v) { Put16(l, o, (ushort)v); Put16(l, o + 2, (ushort)(v >> 16)); }
        private static void Put64(List<byte> l, int o, ulong v) { Put32(l, o, (uint)v); Put32(l, o + 4, (uint)(v >> 32)); }
    }
}
