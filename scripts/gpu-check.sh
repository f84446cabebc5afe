#!/usr/bin/env bash
# One short, prepared GPU check, run from an unpacked bundle (scripts/bundle.sh copies it to the bundle's root):
#   ./gpu-check.sh [OUT_DIR]        (default OUT_DIR: ./gpu-check-<date>)
# 1. the machine: nvidia-smi, driver, GPU name and memory;
# 2. CUDA vs host-path parity for every scenario and every heuristic (gputwin parity, JSON per scenario);
# 3. env-only throughput on CUDA for every scenario, 1 to 65536 envs (gputwin bench, JSON and PNG);
# 4. when TorchSharp sees CUDA (LD_LIBRARY_PATH at a CUDA libtorch, README.txt §2): kernels vs the torch peer.
# Every step writes into OUT_DIR and the script goes on after a failure; the summary at the end says what
# passed. Budget: about 5 minutes on an H100 (PARITY_STEPS, BENCH_SECONDS shorten or lengthen it).
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cli="$here/gputwin/gputwin"
bench="$here/benchmarks/GpuTwin.Benchmarks"
out="${1:-$here/gpu-check-$(date -u +%Y%m%dT%H%M%SZ)}"
parity_envs="${PARITY_ENVS:-64}"
parity_steps="${PARITY_STEPS:-50}"
bench_seconds="${BENCH_SECONDS:-4}"
scenarios="dt-sync v2x iomt iot-migration collab-mec"
mkdir -p "$out"
summary="$out/summary.txt"
: > "$summary"
note() { echo "$*" | tee -a "$summary"; }

note "gpu-check $(date -u +%Y-%m-%dT%H:%M:%SZ) -> $out"
{ nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.memory --format=csv; nvidia-smi; } > "$out/nvidia-smi.txt" 2>&1 \
  && note "gpu: $(sed -n 2p "$out/nvidia-smi.txt")" || note "gpu: nvidia-smi failed (see nvidia-smi.txt)"

for s in $scenarios; do
  if "$cli" parity --scenario "$s" --device cuda --envs "$parity_envs" --steps "$parity_steps" --json > "$out/parity-$s.json" 2> "$out/parity-$s.err"; then
    note "parity $s: agrees ($parity_envs envs x $parity_steps steps, every heuristic)"
  else
    note "parity $s: DIFFERS or failed (rc $?; parity-$s.json / .err)"
  fi
done

for s in $scenarios; do
  if "$cli" bench --scenario "$s" --device cuda --envs 1,64,1024,16384,65536 --seconds "$bench_seconds" --json \
       --plot "$out/bench-$s.png" > "$out/bench-$s.json" 2> "$out/bench-$s.err"; then
    note "bench $s: $(tr -d '\n ' < "$out/bench-$s.json" | grep -o '"env_steps_per_s":[0-9.eE+-]*' | tail -1)  (largest batch; bench-$s.json)"
  else
    note "bench $s: failed (rc $?; bench-$s.err)"
  fi
done

if [ -x "$bench" ]; then
  (cd "$out" && timeout 600 "$bench" --filter '*DtSyncPeerCuda*' > "$out/peer-cuda.txt" 2>&1) \
    && note "peer-cuda: $(grep -c '^| ' "$out/peer-cuda.txt") table lines (peer-cuda.txt; SKIPPED when TorchSharp has no CUDA)" \
    || note "peer-cuda: failed (peer-cuda.txt)"
fi
note "done $(date -u +%Y-%m-%dT%H:%M:%SZ)"
