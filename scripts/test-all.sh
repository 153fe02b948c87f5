#!/usr/bin/env bash
# Runs every check and test suite: Rust (fmt, clippy, tests, docs), Python (a wheel built fresh
# into a virtual environment, pytest, stubtest) and Kotlin (Maven builds the native library,
# generates the uniffi bindings, tests them on the JVM and installs the jar; the Kotlin example
# runs from it). Installs what it needs.
#
#   ./scripts/test-all.sh            # everything
#   ETE_SKIP=kotlin ./scripts/test-all.sh   # skip a part: rust, python or kotlin (comma-separated)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
skip=",${ETE_SKIP:-},"
step() { printf '\n==> [%ss] %s\n' "$(($(date +%s) - started))" "$*"; }
started=$(date +%s)

# The certificate tests read PDFs back with pdftotext (Debian poppler-utils).
if ! command -v pdftotext >/dev/null; then
  step "install poppler-utils (pdftotext, for the certificate tests)"
  sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get install -y poppler-utils >/dev/null || { $sudo apt-get update >/dev/null && $sudo apt-get install -y poppler-utils >/dev/null; }
fi

if [[ $skip != *,rust,* ]]; then
  step "Rust toolchain components"
  rustup component add rustfmt clippy >/dev/null 2>&1 || true
  step "cargo fmt --check"
  cargo fmt --all -- --check
  step "cargo clippy --all-targets -D warnings"
  cargo clippy --workspace --all-targets --locked -- -D warnings
  step "the default build of ete-core pulls in no FFI crate (pyo3, uniffi)"
  if cargo tree -p ete-core -e normal --locked | grep -E 'pyo3|uniffi'; then
    echo "ete-core's default build depends on an FFI crate" >&2; exit 1
  fi
  step "the fuzz and Cedar-benchmark workspaces' lock files are current (they depend on ete-core)"
  for dir in fuzz benches/cedar; do
    (cd "$dir" && cargo metadata --locked --format-version 1 >/dev/null)
  done
  step "cargo test (Rust suites, incl. the conformance vectors)"
  cargo test --workspace --exclude ete-python --locked
  step "cargo doc (warnings are errors)"
  RUSTDOCFLAGS="-D warnings" cargo doc --no-deps -p ete-core --locked
  # The examples as `cargo test` built them just now (`cargo run -p ete-examples` alone would
  # resolve other features and build the workspace again).
  examples="${CARGO_TARGET_DIR:-target}/debug/examples"
  step "the main job runs over the sample data"
  for example in weekly_report provider_day school_view staff_compliance training_records; do
    "$examples/$example" >/dev/null
  done
  step "the weekly report in Welsh and Polish writes the week's certificates (W-1, W-2)"
  for language in cy pl; do
    rm -rf "target/certificates-$language"
    "$examples/weekly_report" --language "$language" --certificates "target/certificates-$language" >/dev/null
    ls "target/certificates-$language"/*.pdf >/dev/null
  done
  step "cargo package -p ete-core, then the packaged crate's own tests (scripts/package-crate.sh)"
  ./scripts/package-crate.sh
fi

if [[ $skip != *,python,* ]]; then
  step "Python: virtual environment with maturin, pytest, mypy"
  venv="$root/.venv"
  [[ -x $venv/bin/python ]] || python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r bindings-python/requirements-dev.txt
  step "Python: build a fresh wheel and install it"
  rm -rf target/wheels
  (cd bindings-python && "$venv/bin/maturin" build --locked --generate-stubs --interpreter "$venv/bin/python" -o "$root/target/wheels")
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps target/wheels/ete_core-*.whl
  step "Python: the stubs generated from the module match it (mypy.stubtest)"
  "$venv/bin/python" -m mypy.stubtest ete_core
  step "pytest (Python suites, incl. the conformance vectors)"
  (cd bindings-python && "$venv/bin/python" -m pytest -q)
  step "Python examples run over the sample data"
  "$venv/bin/python" examples/python/weekly_report.py >/dev/null
  "$venv/bin/python" examples/python/staff_compliance.py >/dev/null
  "$venv/bin/python" examples/python/weekly_report.py --language cy --certificates target/certificates-py-cy >/dev/null
  ls target/certificates-py-cy/*.pdf >/dev/null
  "$venv/bin/python" examples/python/school_view.py >/dev/null
  "$venv/bin/python" examples/python/training_records.py >/dev/null
  step "Python: release wheels (manylinux_2_35) for CPython 3.9 and 3.13 (scripts/build-wheels.sh)"
  # Profile release-check: the release semantics without link-time optimisation (Cargo.toml).
  ETE_WHEELS="$root/target/wheels-dist" MATURIN="$venv/bin/maturin" ETE_WHEEL_PROFILE=release-check \
    ./scripts/build-wheels.sh 3.9 3.13
  for version in 3.9 3.13; do
    step "Python $version: the release wheel in a fresh venv without dev dependencies (README snippets)"
    release="$root/target/release-venv-$version"
    rm -rf "$release"
    "$(./scripts/build-wheels.sh --which "$version")" -m venv "$release"
    wheel=$(ls target/wheels-dist/ete_core-*-cp${version/./}-*manylinux_2_35*.whl)
    # The extra [arrow] brings pyarrow, the README's Arrow snippet needs it.
    "$release/bin/python" -m pip install --quiet --disable-pip-version-check "$wheel[arrow]"
    if [[ $version == 3.13 ]]; then  # pytest 9 needs 3.10+
      "$release/bin/python" -m pip install --quiet --disable-pip-version-check \
        "$(grep '^pytest==' bindings-python/requirements-dev.txt)"
      (cd bindings-python && "$release/bin/python" -m pytest -q -p no:cacheprovider tests/test_hostile.py)
    fi
    "$release/bin/python" scripts/readme_snippets.py README.md
  done
  # PySpark 3.5 runs on CPython up to 3.11 or so: the dev venv, with the wheel built above.
  step "Spark: the job in local[2] over generated parquet equals one process, row for row"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r examples/spark/requirements.txt
  # CI runs it at 1/10 of the national size (the full 2,000,000 is a benchmark: BENCHMARKS.md).
  ETE_SPARK_COMPLETIONS=${ETE_SPARK_COMPLETIONS:-200000} ETE_SPARK_REQUIREMENTS=${ETE_SPARK_REQUIREMENTS:-5000} \
    PYSPARK_PYTHON="$venv/bin/python" "$venv/bin/python" -m pytest -q -s -p no:cacheprovider examples/spark/test_spark.py
fi

if [[ $skip != *,kotlin,* ]]; then
  # bindings-kotlin/pom.xml runs scripts/kotlin-bindings.sh in generate-sources: the native
  # library (debug here, to keep the run short; ETE_KOTLIN_PROFILE=release for the release one),
  # the generated Kotlin, and the library packed into the jar.
  step "mvn install (Kotlin: bindings generated, JVM suites incl. the conformance vectors, uk.ete:ete-core installed)"
  # The native library is built with the feature set `cargo test` used above, so Maven's cargo
  # step reuses that build instead of compiling the workspace's crates again (scripts/kotlin-bindings.sh).
  scope="--workspace --exclude ete-python --all-targets"
  [[ $skip == *,rust,* || ${ETE_KOTLIN_PROFILE:-debug} != debug ]] && scope=""
  (cd bindings-kotlin && ETE_KOTLIN_CARGO_SCOPE="$scope" mvn -B -ntp install -Dete.cargo.profile="${ETE_KOTLIN_PROFILE:-debug}")
  step "Kotlin: the jar carries the native library at JNA's resource path"
  jar tf bindings-kotlin/target/ete-core-0.1.0.jar | grep -x 'linux-x86-64/libete_kotlin.so'
  step "Kotlin example: the weekly report from the installed jar and JNA only (examples/kotlin)"
  (cd examples/kotlin && mvn -B -ntp -q package exec:exec) >target/kotlin-weekly-report.txt
  grep -q '^utilisation: capacity 12' target/kotlin-weekly-report.txt
  grep -q '^total credited ' target/kotlin-weekly-report.txt
fi

printf '\nAll suites passed in %ss.\n' "$(( $(date +%s) - started ))"
