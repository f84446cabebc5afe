// This file is compiled twice:
//  * into GpuTwin.Training (so the logic can be unit-tested), and
//  * by MSBuild's RoslynCodeTaskFactory from build/TorchSharpGlibcxxFix.targets, which builds the
//    inline task class at the bottom (guarded by #if !NET: the task factory compiles against
//    netstandard and defines no NET symbol). Keep it netstandard2.0-compatible: no Span, no
//    BinaryPrimitives, no File.Move(overwrite).
#nullable enable
using System;
using System.IO;
using System.Text;

namespace GpuTwin.Training.Native
{
    /// <summary>Outcome of <see cref="ElfSymbolVersionPatcher"/>.</summary>
    public enum ElfPatchResult
    {
        /// <summary>The VER_FLG_WEAK flag was set.</summary>
        Patched,
        /// <summary>The version requirement was already weak; nothing changed.</summary>
        AlreadyWeak,
        /// <summary>The file does not require the version; nothing changed.</summary>
        VersionNotFound,
        /// <summary>Not a 64-bit little-endian ELF file; nothing changed.</summary>
        NotElf64LittleEndian,
    }

    /// <summary>
    /// Marks one symbol-version requirement (a Vernaux entry in <c>.gnu.version_r</c>) of an ELF64
    /// little-endian shared object as weak (VER_FLG_WEAK). The dynamic loader then no longer refuses
    /// to load the object when the providing library lacks that version.
    /// </summary>
    /// <remarks>
    /// Why: TorchSharp's <c>libLibTorchSharp.so</c> is built with GCC 13 and requires
    /// <c>GLIBCXX_3.4.32</c> for a single symbol (<c>std::ios_base_library_init()</c>, which only
    /// exists to run iostream initialisation that older libstdc++ performs anyway). Debian 12 ships
    /// libstdc++ with <c>GLIBCXX_3.4.30</c>, so the load fails although nothing else is missing.
    /// Marking the requirement weak makes glibc accept the library.
    /// </remarks>
    public static class ElfSymbolVersionPatcher
    {
        /// <summary>The version that TorchSharp 0.107's native library needs but Debian 12 lacks.</summary>
        public const string TorchSharpGlibcxxVersion = "GLIBCXX_3.4.32";

        /// <summary>VER_FLG_WEAK from elf.h.</summary>
        public const ushort VerFlagWeak = 0x2;

        private const uint ShtGnuVerneed = 0x6ffffffe;

        /// <summary>
        /// Returns the file offset of the <c>vna_flags</c> field of the Vernaux entry named
        /// <paramref name="versionName"/>, -1 if the file has no such requirement, or -2 if it is
        /// not a 64-bit little-endian ELF. Throws <see cref="InvalidDataException"/> on a truncated
        /// or inconsistent ELF.
        /// </summary>
        public static long FindVernauxFlagsOffset(byte[] image, string versionName)
        {
            if (image == null) throw new ArgumentNullException(nameof(image));
            if (versionName == null) throw new ArgumentNullException(nameof(versionName));
            if (image.Length < 64 || image[0] != 0x7f || image[1] != (byte)'E' || image[2] != (byte)'L' ||
                image[3] != (byte)'F' || image[4] != 2 /* ELFCLASS64 */ || image[5] != 1 /* ELFDATA2LSB */)
            {
                return -2;
            }

            long shoff = (long)U64(image, 0x28);
            int shentsize = U16(image, 0x3a);
            long shnum = U16(image, 0x3c);
            if (shoff == 0) return -1; // no section headers: nothing we can patch
            if (shentsize < 64) throw new InvalidDataException("ELF section header entry size too small.");
            if (shnum == 0) shnum = (long)U64(image, Check(image, shoff, 64) + 0x20); // extended numbering
            Check(image, shoff, checked(shnum * shentsize));

            for (long i = 0; i < shnum; i++)
            {
                long sh = shoff + i * shentsize;
                if (U32(image, sh + 0x04) != ShtGnuVerneed) continue;

                long secOff = (long)U64(image, sh + 0x18);
                long secSize = (long)U64(image, sh + 0x20);
                uint link = U32(image, sh + 0x28);
                uint verneedCount = U32(image, sh + 0x2c);
                Check(image, secOff, secSize);
                if (link >= shnum) throw new InvalidDataException("Bad sh_link on .gnu.version_r.");
                long strSh = shoff + link * (long)shentsize;
                long strOff = (long)U64(image, strSh + 0x18);
                long strSize = (long)U64(image, strSh + 0x20);
                Check(image, strOff, strSize);

                long vn = secOff;
                for (uint n = 0; n < verneedCount; n++)
                {
                    CheckWithin(vn, 16, secOff, secSize);
                    int auxCount = U16(image, vn + 2);
                    long vna = vn + U32(image, vn + 8);
                    for (int a = 0; a < auxCount; a++)
                    {
                        CheckWithin(vna, 16, secOff, secSize);
                        uint nameIdx = U32(image, vna + 8);
                        if (StringEquals(image, strOff, strSize, nameIdx, versionName)) return vna + 4; // vna_flags (after vna_hash)
                        uint nextAux = U32(image, vna + 12);
                        if (nextAux == 0) break;
                        vna += nextAux;
                    }

                    uint next = U32(image, vn + 12);
                    if (next == 0) break;
                    vn += next;
                }
            }

            return -1;
        }

        /// <summary>Reads the vna_flags of the requirement, or null if absent / not ELF64 LE.</summary>
        public static ushort? GetVernauxFlags(byte[] image, string versionName)
        {
            long off = FindVernauxFlagsOffset(image, versionName);
            return off < 0 ? (ushort?)null : (ushort)U16(image, off);
        }

        /// <summary>Sets VER_FLG_WEAK on the requirement in the in-memory image (idempotent).</summary>
        public static ElfPatchResult PatchImage(byte[] image, string versionName)
        {
            long off = FindVernauxFlagsOffset(image, versionName);
            if (off == -2) return ElfPatchResult.NotElf64LittleEndian;
            if (off < 0) return ElfPatchResult.VersionNotFound;
            int flags = U16(image, off);
            if ((flags & VerFlagWeak) != 0) return ElfPatchResult.AlreadyWeak;
            flags |= VerFlagWeak;
            image[off] = (byte)flags;
            image[off + 1] = (byte)(flags >> 8);
            return ElfPatchResult.Patched;
        }

        /// <summary>
        /// Patches the file at <paramref name="path"/> (idempotent). The file is never written in place:
        /// the patched bytes go to a temporary copy next to it, which is then renamed over the path.
        /// So when the path is a symlink or hard link into the NuGet cache, only the link (directory
        /// entry) is replaced by a regular file and the cached package file stays untouched.
        /// The original last-write time is kept so that MSBuild's incremental copy
        /// (SkipUnchangedFiles compares size and timestamp) does not copy the unpatched file back.
        /// </summary>
        public static ElfPatchResult PatchFile(string path, string versionName)
        {
            if (path == null) throw new ArgumentNullException(nameof(path));
            byte[] image = File.ReadAllBytes(path); // follows symlinks
            ElfPatchResult result = PatchImage(image, versionName);
            if (result != ElfPatchResult.Patched) return result;

            DateTime lastWrite = File.GetLastWriteTimeUtc(path);
            string dir = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
            string temp = Path.Combine(dir, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                // File.Copy creates a new regular file (keeps the mode bits); then overwrite its bytes.
                File.Copy(path, temp, false);
                using (var fs = new FileStream(temp, FileMode.Open, FileAccess.Write, FileShare.None))
                {
                    fs.SetLength(image.Length);
                    fs.Write(image, 0, image.Length);
                }
                File.SetLastWriteTimeUtc(temp, lastWrite);
                File.Replace(temp, path, null); // rename(2) on Unix: atomic, replaces links themselves
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }

            return result;
        }

        private static bool StringEquals(byte[] image, long strOff, long strSize, uint index, string value)
        {
            byte[] want = Encoding.ASCII.GetBytes(value);
            if (index + (long)want.Length >= strSize) return false; // needs room for the NUL too
            long p = strOff + index;
            for (int k = 0; k < want.Length; k++)
            {
                if (image[p + k] != want[k]) return false;
            }

            return image[p + want.Length] == 0;
        }

        private static long Check(byte[] image, long offset, long length)
        {
            if (offset < 0 || length < 0 || offset > image.Length || length > image.Length - offset)
                throw new InvalidDataException("ELF structure points outside the file.");
            return offset;
        }

        private static void CheckWithin(long offset, long length, long secOff, long secSize)
        {
            if (offset < secOff || offset + length > secOff + secSize)
                throw new InvalidDataException("ELF version-needs entry points outside .gnu.version_r.");
        }

        private static int U16(byte[] b, long o)
        {
            Check(b, o, 2);
            return b[o] | (b[o + 1] << 8);
        }

        private static uint U32(byte[] b, long o)
        {
            Check(b, o, 4);
            return (uint)(b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24));
        }

        private static ulong U64(byte[] b, long o) => U32(b, o) | ((ulong)U32(b, o + 4) << 32);
    }
}

#if !NET
namespace GpuTwin.Build
{
    using System;
    using System.IO;
    using GpuTwin.Training.Native;
    using Microsoft.Build.Framework;

    /// <summary>
    /// MSBuild task (compiled inline by build/TorchSharpGlibcxxFix.targets): makes the
    /// GLIBCXX_3.4.32 requirement of each given libLibTorchSharp.so weak.
    /// </summary>
    public class PatchTorchSharpGlibcxx : Microsoft.Build.Utilities.Task
    {
        /// <summary>The libLibTorchSharp.so files found in the output / publish directory.</summary>
        [Required]
        public ITaskItem[] Files { get; set; } = new ITaskItem[0];

        /// <summary>NuGet package root; files under it are never modified.</summary>
        public string? NuGetPackageRoot { get; set; }

        public override bool Execute()
        {
            string? cache = string.IsNullOrEmpty(NuGetPackageRoot) ? null : NormalizeDir(NuGetPackageRoot!);
            foreach (ITaskItem item in Files)
            {
                string full = Path.GetFullPath(item.ItemSpec);
                if (!File.Exists(full)) continue;
                if (cache != null && full.StartsWith(cache, StringComparison.Ordinal))
                {
                    Log.LogMessage(MessageImportance.Low, "TorchSharpGlibcxxFix: not touching {0}: it lies in the NuGet cache.", full);
                    continue;
                }

                try
                {
                    bool isLink = (File.GetAttributes(full) & FileAttributes.ReparsePoint) != 0;
                    ElfPatchResult r = ElfSymbolVersionPatcher.PatchFile(full, ElfSymbolVersionPatcher.TorchSharpGlibcxxVersion);
                    if (r == ElfPatchResult.Patched)
                    {
                        Log.LogMessage(MessageImportance.Normal,
                            "TorchSharpGlibcxxFix: marked the {0} requirement weak in {1}{2}",
                            ElfSymbolVersionPatcher.TorchSharpGlibcxxVersion, full,
                            isLink ? " (replaced the symlink with a patched copy)" : "");
                    }
                    else
                    {
                        Log.LogMessage(MessageImportance.Low, "TorchSharpGlibcxxFix: {0}: {1}", full, r);
                    }
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    Log.LogWarning("TorchSharpGlibcxxFix: could not patch {0}: {1}", full, ex.Message);
                }
            }

            return !Log.HasLoggedErrors;
        }

        private static string NormalizeDir(string path)
        {
            string full = Path.GetFullPath(path);
            return full.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal)
                ? full : full + Path.DirectorySeparatorChar;
        }
    }
}
#endif
