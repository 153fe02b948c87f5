#!/usr/bin/env bash
# Fuzzes every target (or those named) for SECONDS each with cargo-fuzz on the nightly toolchain,
# starting from the committed corpus (fuzz/corpus/<target>, seeded from the vectors by
# fuzz/seed.py), then minimises the corpus back into the repository. A crash stops that target
# and leaves its input in fuzz/artifacts/<target>/; the other targets still run, and the script
# exits non-zero at the end. Fix it, then copy the input to fuzz/regressions/<target>/ so that
# `cargo test -p ete-fuzz-harness` replays it for ever.
#
#   ./fuzz/run.sh            # 600 s (10 CPU-minutes) per target, every target
#   ./fuzz/run.sh 60 columns pool_commands
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-600}; shift || true
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || mapfile -t targets < <(sed -n 's/^name = "\([a-z_]*\)"$/\1/p' Cargo.toml | grep -v '^ete-fuzz$')
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
rustup toolchain list | grep -q nightly || rustup toolchain install nightly --profile minimal
# Build every target first, so that the timings below are the fuzzing alone.
cargo +nightly fuzz build >/dev/null 2>&1 || cargo +nightly fuzz build
crashed=()
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "work/$t"
  echo "==> $t: ${seconds}s"
  # New inputs go to work/ so that the committed corpus only changes through the merge below.
  # libFuzzer's limit is wall-clock time; on a busy machine the fuzzer gets less CPU than that, so
  # the target is run again (continuing from work/) until its CPU seconds (user + system) reach
  # SECONDS. Each round's statistics are kept; the totals are printed at the end.
  cpu=0; execs=0; rounds=0
  while (( cpu < seconds )); do
    left=$(( seconds - cpu )); (( left >= 30 )) || left=30
    if ! /usr/bin/time -f '%U %S' -o "work/$t.time" \
        cargo +nightly fuzz run "$t" "work/$t" "corpus/$t" -- -max_total_time="$left" \
        -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1 >"work/$t.log" 2>&1; then
      tail -40 "work/$t.log" >&2
      echo "$t: crash, see fuzz/artifacts/$t and fuzz/work/$t.log" >&2
      crashed+=("$t"); continue 2
    fi
    read -r user sys <"work/$t.time"
    cpu=$(( cpu + ${user%.*} + ${sys%.*} ))
    n=$(sed -n 's/^stat::number_of_executed_units: *\([0-9]*\)/\1/p' "work/$t.log")
    execs=$(( execs + ${n:-0} )); rounds=$(( rounds + 1 ))
  done
  echo "$t: executions: $execs, cpu_seconds: $cpu, rounds: $rounds"
  # Keep only the new inputs that reach new code (libFuzzer's merge into the committed corpus).
  cargo +nightly fuzz run "$t" "corpus/$t" "work/$t" -- -merge=1 >/dev/null 2>&1
  rm -rf "work/$t"
  echo "corpus: $(find "corpus/$t" -type f | wc -l) inputs, $(du -sh "corpus/$t" | cut -f1)"
done
# A crash in one target does not stop the others; the run fails at the end if any crashed.
if (( ${#crashed[@]} > 0 )); then echo "crashed: ${crashed[*]}" >&2; exit 1; fi
