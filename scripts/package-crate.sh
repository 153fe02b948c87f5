#!/usr/bin/env bash
# Packages ete-core as crates.io would receive it (`cargo package`), then unpacks the .crate into
# an empty folder outside the workspace and builds and tests it there: the property tests, the
# doctests (the crate README's example included) and the conformance vectors, which the package
# carries in tests/vectors. That build is the package's verification, so `cargo package` runs
# with --no-verify rather than build the same files twice.
#
# In CI (CI set; a fresh clone) the working tree is clean and cargo's check for uncommitted
# files stays on. A developer running the test command mid-work has uncommitted changes, so
# outside CI --allow-dirty is passed: it only skips that check (the package then holds the files
# as they are on disk, which is what the tests should see).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
target_dir=${CARGO_TARGET_DIR:-$root/target}
[[ $target_dir == /* ]] || target_dir="$root/$target_dir"
dirty=()
[[ -n ${CI:-} ]] || dirty=(--allow-dirty)

cargo package -p ete-core --locked --no-verify "${dirty[@]}"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
crate="$target_dir/package/ete-core-$version.crate"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# -m: the files get the time of unpacking, so cargo rebuilds the crate here (its tests find their
# files through CARGO_MANIFEST_DIR, which must be this folder, not an earlier run's).
tar -xzmf "$crate" -C "$work"
cd "$work/ete-core-$version"
for f in README.md LICENSE-MIT LICENSE-APACHE RULES.md tests/vectors/learning_hours.json; do
  [[ -f $f && ! -L $f ]] || { echo "package-crate.sh: $f missing from the package" >&2; exit 1; }
done
# The unpacked crate is a workspace of its own; it shares the target folder to reuse the
# dependencies already built.
CARGO_TARGET_DIR="$target_dir" cargo test --locked
