namespace GpuTwin.Training.IO;

/// <summary>Crash-safe file replacement: write <c>&lt;path&gt;.tmp</c>, flush it to disk, then rename it over the target.</summary>
/// <remarks>
/// A crash (or Ctrl-C) at any point leaves either the previous complete file or the new complete file at
/// <c>path</c>; at worst a stale <c>.tmp</c> stays behind, which the next write simply overwrites.
/// </remarks>
public static class AtomicFile
{
    public static string TempPathFor(string path) => path + ".tmp";

    public static void Write(string path, Action<Stream> write)
    {
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string tmp = TempPathFor(full);
        try
        {
            using (var fs = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(fs);
                fs.Flush(flushToDisk: true);
            }
            File.Move(tmp, full, overwrite: true);
        }
        catch
        {
            try { File.Delete(tmp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        byte[] copy = bytes.ToArray();
        Write(path, s => s.Write(copy));
    }
}
