#!/usr/bin/env bash
# Measures the PDF candidates for ete-certificates: clean release build time, binary size,
# dependency count and the size of one A4 certificate page. Each crate is its own workspace with
# its own target directory (MEASURE_TARGET, default /tmp/ete-measure), so nothing is shared.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${MEASURE_TARGET:-/tmp/ete-measure}"
for c in krilla printpdf; do
  (cd "$here/$c" && cargo fetch -q)
  rm -rf "$out/$c"
  start=$(date +%s)
  (cd "$here/$c" && CARGO_TARGET_DIR="$out/$c" cargo build -q --release)
  end=$(date +%s)
  bin="$out/$c/release/measure-$c"
  deps=$(cd "$here/$c" && cargo tree -e normal --prefix none | sort -u | wc -l)
  (cd "$out/$c" && "$bin")
  echo "$c: build $((end - start)) s, binary $(stat -c %s "$bin") bytes, $deps crates, page $(stat -c %s "$out/$c/$c.pdf") bytes"
done
deps=$(cd "$here/typst" && cargo tree -e normal --prefix none | sort -u | wc -l)
echo "typst: $deps crates (not built: typst needs a World implementation, fonts and a markup layer)"
