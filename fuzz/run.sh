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
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "work/$t"
  echo "==> $t: ${seconds}s"
  # New inputs go to work/ so that the committed corpus only changes through the merge below.
  if ! cargo +nightly fuzz run "$t" "work/$t" "corpus/$t" -- -max_total_time="$seconds" \
      -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1 >"work/$t.log" 2>&1; then
    tail -40 "work/$t.log" >&2
    echo "$t: crash, see fuzz/artifacts/$t and fuzz/work/$t.log" >&2
    exit 1
  fi
  grep -E '^(#[0-9]+\s+DONE|stat::number_of_executed_units|stat::peak_rss|Done [0-9]+ runs)' "work/$t.log" || true
  # Keep only the new inputs that reach new code (libFuzzer's merge into the committed corpus).
  cargo +nightly fuzz run "$t" "corpus/$t" "work/$t" -- -merge=1 >/dev/null 2>&1
  rm -rf "work/$t"
done
