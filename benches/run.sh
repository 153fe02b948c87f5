#!/usr/bin/env bash
# Reproduces BENCHMARKS.md: builds the release wheel and the native kernels, then runs the
# Python side-by-side benchmark (1e5, 1e6, 1e7 rows) and its Arrow path (1e6, 1e7), the Kotlin
# batch-vs-per-row benchmark, the criterion benches of the core (columns, 1e6 licence-pool commands, 1e6 routing decisions) and
# routing against cedar-policy (its own workspace in benches/cedar, built here only).
# Takes about 10 minutes (2 more to build cedar-policy the first time) and 4 GB of memory
# (the pure-Python lists at 1e7 rows).
#
#   ./benches/run.sh                      # everything
#   SIZES=100000,1000000 ./benches/run.sh # smaller Python sizes
#   PARTS=core,cedar ./benches/run.sh     # some parts: python, kotlin, core, cedar, ledger
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
venv="$root/.venv"
parts=",${PARTS:-python,kotlin,core,cedar,ledger},"
if [[ $parts == *,python,* ]]; then
  [[ -x $venv/bin/python ]] || python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r bindings-python/requirements-dev.txt
  rm -rf target/bench-wheels
  (cd bindings-python && "$venv/bin/maturin" build --release --locked --interpreter "$venv/bin/python" -o "$root/target/bench-wheels")
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps target/bench-wheels/ete_core-*.whl
  cargo build --release --locked -p ete-benches --bin native_columns
  echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(python3 --version)"
  "$venv/bin/python" benches/python/bench_columns.py --sizes "${SIZES:-100000,1000000,10000000}"
  echo; echo "== the Arrow path against the numpy path (same process, same data)"
  "$venv/bin/python" benches/python/bench_arrow.py --sizes "${ARROW_SIZES:-1000000,10000000}"
fi

if [[ $parts == *,kotlin,* ]]; then
  echo; echo "== Kotlin: one call for many rows against one call per row"
  # Maven builds the release library and the bindings (scripts/kotlin-bindings.sh) and loads the
  # library from the class path, as the jar does.
  (cd bindings-kotlin && mvn -q -B -ntp test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
    -Dexec.classpathScope=test -Dexec.mainClass=uk.ete.core.bench.BatchBenchKt)
fi

if [[ $parts == *,core,* ]]; then
  echo; echo "== core (criterion): columns over 1e6 rows, 1e6 pool commands, 1e6 routing decisions"
  cargo bench -q --locked -p ete-benches --bench core -- --noplot 2>&1 | grep -v '^Benchmarking'
fi

if [[ $parts == *,cedar,* ]]; then
  echo; echo "== routing against cedar-policy, 1e6 decisions (builds cedar-policy the first time)"
  (cd benches/cedar && cargo bench -q --locked --bench routing_vs_cedar -- --noplot) 2>&1 |
    grep -v '^Benchmarking'
fi

if [[ $parts == *,ledger,* ]]; then
  echo; echo "== a requirement ledger of 131,072 entries: restored from JSON, and recorded one by one"
  cargo bench -q --locked -p ete-benches --bench ledger -- --noplot 2>&1 | grep -v '^Benchmarking'
fi
