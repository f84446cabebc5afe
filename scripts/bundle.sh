#!/usr/bin/env bash
# Self-contained linux-x64 bundle of the gputwin CLI (src/Cli) and the benchmarks (benchmarks/):
#   artifacts/gputwin-linux-x64-<commit>.tar.gz  (artifacts/ is git-ignored)
# The target machine needs no .NET: the runtime is inside. See the README.txt written into the bundle.
#
# Usage: scripts/bundle.sh            build the archive, print its path and size
#        KEEP_STAGE=1 scripts/bundle.sh  also keep the unpacked staging directory (printed)
#        LEAN=1 scripts/bundle.sh   leave the CPU libtorch out (the full archive is ~160 MB; a carry to the
#                                   GPU machine is limited to 64 MiB). Env stepping, run/trace/bench need no
#                                   torch; for training point LD_LIBRARY_PATH at a libtorch (README.txt §2).
#
# Builds go to a private --artifacts-path inside the staging directory, so the working tree's bin/ and obj/
# are not touched. Files identical in both apps (the .NET runtime, libtorch, ...) are hard-linked, which tar
# stores once.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
commit="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ -n "$(git -C "$root" status --porcelain 2>/dev/null | head -1)" ]; then commit="$commit-dirty"; fi
name="gputwin-linux-x64-$commit"
out="$root/artifacts"
stage="$(mktemp -d "${TMPDIR:-/tmp}/gputwin-bundle.XXXXXX")"
if [ "${KEEP_STAGE:-0}" != "1" ]; then trap 'rm -rf "$stage"' EXIT; fi
dest="$stage/$name"
mkdir -p "$dest" "$out"

publish() { # project, output folder
  dotnet publish "$root/$1" -c Release -r linux-x64 --self-contained true \
    --artifacts-path "$stage/build" -o "$dest/$2" \
    -p:DebugType=none -p:DebugSymbols=false -p:GenerateDocumentationFile=false -v quiet -nologo
}

echo "bundle: publishing src/Cli -> $name/gputwin" >&2
publish src/Cli/GpuTwin.Cli.csproj gputwin
echo "bundle: publishing benchmarks -> $name/benchmarks" >&2
publish benchmarks/GpuTwin.Benchmarks.csproj benchmarks

# Nothing loads these from .NET: the Python bindings and libtorch's own test libraries.
for d in gputwin benchmarks; do
  rm -f "$dest/$d"/libtorch_python.so "$dest/$d"/lib*_test.so
done

# Hard-link files that are byte-identical in both apps.
linked=0
while IFS= read -r -d '' f; do
  rel="${f#"$dest/benchmarks/"}"
  if [ -f "$dest/gputwin/$rel" ] && cmp -s "$f" "$dest/gputwin/$rel"; then
    ln -f "$dest/gputwin/$rel" "$f"
    linked=$((linked + 1))
  fi
done < <(find "$dest/benchmarks" -type f -print0)
echo "bundle: $linked files shared between the two apps" >&2

if [ "${LEAN:-0}" = "1" ]; then
  for d in gputwin benchmarks; do
    rm -f "$dest/$d"/libtorch.so "$dest/$d"/libtorch_cpu.so "$dest/$d"/libtorch_global_deps.so \
          "$dest/$d"/libc10.so "$dest/$d"/libshm.so "$dest/$d"/libgomp-*.so.1
  done
  name="$name-lean"
  echo "bundle: LEAN=1, libtorch left out (see README.txt section 2 to point TorchSharp at one)" >&2
fi

cp "$root/scripts/gpu-check.sh" "$dest/gpu-check.sh"

torchsharp_version="$(sed -n 's/.*"TorchSharp\/\([0-9.]*\)".*/\1/p' "$dest/gputwin/gputwin.deps.json" | head -1)"
libtorch_version="$(sed -n 's/.*"libtorch-cpu-linux-x64\/\([0-9.]*\)".*/\1/p' "$dest/gputwin/gputwin.deps.json" | head -1)"

cat > "$dest/README.txt" <<EOF
gputwin bundle (linux-x64, self-contained), commit $commit
TorchSharp $torchsharp_version with the CPU libtorch $libtorch_version (package TorchSharp-cpu).

  gputwin/      the CLI:         ./gputwin/gputwin --help
  benchmarks/   BenchmarkDotNet: ./benchmarks/GpuTwin.Benchmarks --filter '*DtSyncPeer*'
  gpu-check.sh  one short GPU check: CUDA vs host parity and CUDA throughput for every scenario (~5 min)

No .NET installation is needed: the .NET runtime is inside each folder. Globalization is invariant (no ICU).

1. Running on a CUDA machine that has only the NVIDIA driver
------------------------------------------------------------
The environments' kernels run on ILGPU's CUDA backend, which generates PTX itself and talks to the driver
API only: no CUDA toolkit, no libcudart, no nvcc. ILGPU loads the driver by the name "cuda", i.e.
libcuda.so (installed by the driver; check with: ldconfig -p | grep libcuda).

  ./gputwin/gputwin scenarios
  ./gputwin/gputwin bench --device cuda --envs 1,64,1024,16384,65536 --seconds 10 --plot bench_cuda.png
  ./gputwin/gputwin run --device cuda --policy deadline --envs 4096 --steps 5000

--device auto picks CUDA when ILGPU finds a device and the host path otherwise; --device cuda fails with a
one-line error when there is none. If only libcuda.so.1 exists (some containers), make the unversioned name
visible:
  mkdir -p "\$HOME/cudalib" && ln -sf "\$(ldconfig -p | awk '/libcuda.so.1 /{print \$NF; exit}')" "\$HOME/cudalib/libcuda.so"
  export LD_LIBRARY_PATH="\$HOME/cudalib:\${LD_LIBRARY_PATH:-}"

Step throughput on the GPU: "gputwin bench" above, or BenchmarkDotNet. BenchmarkDotNet normally generates
and builds a helper project with the .NET SDK, which a driver-only machine lacks; every benchmark here
declares [StepJob], which notices the self-contained publish and runs in-process, so no SDK is needed:
  ./benchmarks/GpuTwin.Benchmarks --filter '*CudaStep*'        # every scenario on ILGPU CUDA, 1 to 65536 envs
  ./benchmarks/GpuTwin.Benchmarks --filter '*DtSyncPeer*'      # kernels vs the TorchSharp peer
Classes that need CUDA print "// SKIPPED <class>: ..." when it is missing. Results go to
./BenchmarkDotNet.Artifacts/results in the current directory.

2. TorchSharp and libtorch (training, the torch reference peer)
---------------------------------------------------------------
The bundle carries the CPU build of libtorch $libtorch_version next to each app (libtorch_cpu.so, libc10.so,
libtorch.so, libgomp-*.so.1) and TorchSharp's glue library libLibTorchSharp.so. That copy of
libLibTorchSharp.so is patched so it also loads with an older libstdc++ (GLIBCXX_3.4.32 marked weak, see
build/TorchSharpGlibcxxFix.targets in the repository); keep it.

How TorchSharp $torchsharp_version finds libtorch (src/TorchSharp/Torch.cs, LoadNativeBackend, checked in
the TorchSharp sources of this version; there is no TORCHSHARP_HOME or similar variable):
  a. CPU:  NativeLibrary.TryLoad("torch_cpu", <TorchSharp assembly>), then "LibTorchSharp".
     CUDA: NativeLibrary.TryLoad("torch_cuda", <TorchSharp assembly>), then "LibTorchSharp".
     .NET looks in the application folder first, then asks the OS loader (dlopen "libtorch_cuda.so"), which
     searches LD_LIBRARY_PATH, then /etc/ld.so.cache and the default directories. The libraries' own
     dependencies (libtorch.so, libc10.so, ...) are found through LD_LIBRARY_PATH before their RUNPATH
     (\$ORIGIN), and a soname that is already loaded is reused.
  b. Only if (a) fails: it copies the native files out of a NuGet cache (\$NUGET_PACKAGES, else
     ~/.nuget/packages; packages libtorch-cpu-linux-x64 / libtorch-cuda-12.8-linux-x64-*) into a folder
     next to TorchSharp.dll and loads from there. Irrelevant on a machine without the NuGet cache.
  (An application may also call System.Runtime.InteropServices.NativeLibrary.Load(path) itself before
  the first torch call; gputwin does not.)

So the mechanism to point TorchSharp at an existing libtorch is LD_LIBRARY_PATH, after taking the bundled
CPU libtorch out of the application folder (otherwise (a) loads the bundled torch_cpu first and the two
builds get mixed). Use a libtorch of the same version TorchSharp was built against ($libtorch_version): the
C++ ABI of libLibTorchSharp.so is tied to it. Example with a Python PyTorch (pip wheel, cxx11 ABI) that has
CUDA:

  python3 -c 'import torch; print(torch.__version__, torch.version.cuda, torch.cuda.is_available())'
      # want $libtorch_version (e.g. ${libtorch_version%.*}.*+cu128) and True
  TORCH_LIB="\$(python3 -c 'import os, torch; print(os.path.join(os.path.dirname(torch.__file__), "lib"))')"
  for app in gputwin benchmarks; do
    mkdir -p "\$app/bundled-libtorch"
    mv "\$app"/libtorch.so "\$app"/libtorch_cpu.so "\$app"/libtorch_global_deps.so "\$app"/libc10.so \\
       "\$app"/libshm.so "\$app"/libgomp-*.so.1 "\$app/bundled-libtorch/"      # keep libLibTorchSharp.so
  done
  export LD_LIBRARY_PATH="\$TORCH_LIB:\${LD_LIBRARY_PATH:-}"
  ./benchmarks/GpuTwin.Benchmarks --filter '*DtSyncPeerCuda*'

The pip wheel's libtorch_cuda.so finds its CUDA runtime libraries (cuBLAS, cuDNN, ... from the nvidia-*
wheels) through its own RPATH, so the machine still needs only the driver. DtSyncPeerCudaBenchmarks runs
only when torch.cuda.is_available() and ILGPU both see CUDA; otherwise the run prints
"// SKIPPED DtSyncPeerCudaBenchmarks: ..." with the reason. To go back to the bundled CPU libtorch, move
the files back from bundled-libtorch/ and unset LD_LIBRARY_PATH. A standalone libtorch $libtorch_version
(cxx11 ABI) zip from pytorch.org works the same way: point LD_LIBRARY_PATH at its lib/ folder.
EOF

archive="$out/$name.tar.gz"
tar -C "$stage" -czf "$archive" "$(basename "$dest")"
size="$(du -h "$archive" | cut -f1)"
echo "bundle: $archive ($size; unpacked $(du -sh "$dest" | cut -f1))" >&2
if [ "${KEEP_STAGE:-0}" = "1" ]; then echo "bundle: staging kept at $dest" >&2; fi
echo "$archive"
