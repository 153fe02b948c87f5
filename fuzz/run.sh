#!/usr/bin/env bash
# Fuzzes every target (or those named) for SECONDS each with cargo-fuzz on the nightly toolchain,
# starting from the committed corpus (fuzz/corpus/<target>, seeded from the vectors by
# fuzz/seed.py), then minimises the corpus back into the repository. A crash stops the run and
# leaves its input in fuzz/artifacts/<target>/: fix it, then copy the input to
# fuzz/regressions/<target>/ so that `cargo test -p ete-fuzz-harness` replays it for ever.
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
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "work/$t"
  echo "==> $t: ${seconds}s"
  # New inputs go to work/ so that the committed corpus only changes through the merge below.
  # The CPU seconds the fuzzer got (user + system) are printed after its statistics: on a busy
  # machine they fall short of the wall-clock seconds asked for.
  if ! /usr/bin/time -f 'cpu_seconds: %U user + %S system' -o "work/$t.time" \
      cargo +nightly fuzz run "$t" "work/$t" "corpus/$t" -- -max_total_time="$seconds" \
      -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1 >"work/$t.log" 2>&1; then
    tail -40 "work/$t.log" >&2
    echo "$t: crash, see fuzz/artifacts/$t and fuzz/work/$t.log" >&2
    exit 1
  fi
  grep -E '^(#[0-9]+\s+DONE|stat::number_of_executed_units|stat::peak_rss|Done [0-9]+ runs)' "work/$t.log" || true
  cat "work/$t.time"
  # Keep only the new inputs that reach new code (libFuzzer's merge into the committed corpus).
  cargo +nightly fuzz run "$t" "corpus/$t" "work/$t" -- -merge=1 >/dev/null 2>&1
  rm -rf "work/$t"
  echo "corpus: $(find "corpus/$t" -type f | wc -l) inputs, $(du -sh "corpus/$t" | cut -f1)"
done
