#!/usr/bin/env bash
# Runs every check and test suite: Rust (fmt, clippy, tests, docs), Python (a wheel built fresh
# into a virtual environment, pytest, stubtest) and Kotlin (uniffi bindings generated from the
# freshly built library, compiled and tested by Maven on the JVM). Installs what it needs.
#
#   ./scripts/test-all.sh            # everything
#   ETE_SKIP=kotlin ./scripts/test-all.sh   # skip a part: rust, python or kotlin (comma-separated)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
skip=",${ETE_SKIP:-},"
step() { printf '\n==> %s\n' "$*"; }
started=$(date +%s)

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
  step "cargo test (Rust suites, incl. the conformance vectors)"
  cargo test --workspace --exclude ete-python --locked
  step "cargo doc (warnings are errors)"
  RUSTDOCFLAGS="-D warnings" cargo doc --no-deps -p ete-core --locked
  step "the main job runs over the sample data"
  for example in weekly_report provider_day school_view; do
    cargo run -q -p ete-examples --example "$example" --locked >/dev/null
  done
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
  "$venv/bin/python" examples/python/school_view.py >/dev/null
  step "Python: release wheels (manylinux_2_34) for CPython 3.9 and 3.13 (scripts/build-wheels.sh)"
  ETE_WHEELS="$root/target/wheels-dist" MATURIN="$venv/bin/maturin" ./scripts/build-wheels.sh 3.9 3.13
  for version in 3.9 3.13; do
    step "Python $version: the release wheel in a fresh venv without dev dependencies (README snippets)"
    release="$root/target/release-venv-$version"
    rm -rf "$release"
    "$(./scripts/build-wheels.sh --which "$version")" -m venv "$release"
    wheel=$(ls target/wheels-dist/ete_core-*-cp${version/./}-*manylinux_2_34*.whl)
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
  PYSPARK_PYTHON="$venv/bin/python" "$venv/bin/python" -m pytest -q -s -p no:cacheprovider examples/spark/test_spark.py
fi

if [[ $skip != *,kotlin,* ]]; then
  step "Kotlin: build the native library and generate the bindings"
  cargo build -p ete-kotlin --locked
  generated=bindings-kotlin/target/generated-sources/uniffi
  rm -rf "$generated"
  cargo run -q -p uniffi-bindgen --locked -- generate --library target/debug/libete_kotlin.so \
    --language kotlin --out-dir "$generated" --no-format
  # Classes of a type that moved package would clash with the new ones: compile afresh.
  rm -rf bindings-kotlin/target/classes bindings-kotlin/target/test-classes
  step "mvn test (Kotlin suites on the JVM, incl. the conformance vectors)"
  (cd bindings-kotlin && mvn -B -ntp test -Dete.native.dir="$root/target/debug")
fi

printf '\nAll suites passed in %ss.\n' "$(( $(date +%s) - started ))"
