#!/usr/bin/env bash
# Builds the release wheels of the Python package, one per CPython version (not abi3: see
# below), tagged manylinux_2_35 so that pip installs them on any Linux x86-64 with glibc 2.35 or
# newer (Debian 12, Ubuntu 22.04 and later; not RHEL 9, glibc 2.34), into target/wheels-dist (or
# $ETE_WHEELS).
#
#   ./scripts/build-wheels.sh                # CPython 3.9, 3.10, 3.11, 3.12 and 3.13
#   ./scripts/build-wheels.sh 3.9 3.13       # those versions only
#   ./scripts/build-wheels.sh --which 3.9    # the interpreter it would use for 3.9
#
# ETE_WHEEL_PROFILE names the Cargo profile (default `release`). The test command passes
# `release-check`: release semantics (no overflow checks, as users get) without link-time
# optimisation, which would double its build time (Cargo.toml says more).
#
# Interpreters are found as pythonX.Y on PATH or under pyenv (~/.pyenv/versions/X.Y.*).
# Why not one abi3 wheel: pyo3-arrow (the Arrow PyCapsule import) builds under pyo3's
# experimental-inspect (our generated stubs) only with its buffer_protocol feature, which needs
# Py_buffer, part of the limited API only from Python 3.11; abi3-py39 does not compile.
# Why manylinux_2_35 and not 2_28: linked on this machine (glibc 2.36) the module needs
# GLIBC_2.29..2.35 symbols (2.35: `hypotf`, from the PDF writer's geometry in ete-certificates),
# so maturin's audit refuses anything older. `--zig`
# (ziglang from PyPI) links against 2.28's symbols, but with maturin 1.16 the zig-linked module
# cannot be introspected for the generated stubs ("No module named _ete_core found"), and wheels
# without stubs would lose the package's typing. 2_28 would need a manylinux_2_28 container.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out=${ETE_WHEELS:-$root/target/wheels-dist}
versions=("$@")
[[ ${#versions[@]} -gt 0 ]] || versions=(3.9 3.10 3.11 3.12 3.13)
maturin=${MATURIN:-$root/.venv/bin/maturin}
profile=${ETE_WHEEL_PROFILE:-release}

find_python() {
  local v=$1 p
  for p in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/"$v".*/bin/python"$v" "$(command -v "python$v")"; do
    # A pyenv shim on PATH may stand for no installed version: try it.
    [[ -x $p ]] && "$p" -c 'import sys' 2>/dev/null && { echo "$p"; return; }
  done
  echo "no CPython $v found (on PATH as python$v or under pyenv)" >&2
  return 1
}

# --which X.Y: print the interpreter found for X.Y and stop.
if [[ ${1:-} == --which ]]; then find_python "$2"; exit; fi

interpreters=()
for v in "${versions[@]}"; do interpreters+=(-i "$(find_python "$v")"); done
rm -rf "$out"
(cd bindings-python && "$maturin" build --profile "$profile" --locked --generate-stubs \
  --compatibility manylinux_2_35 "${interpreters[@]}" -o "$out")
ls -1 "$out"
