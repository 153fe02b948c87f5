#!/usr/bin/env bash
# Builds the Kotlin binding's native library and generates its Kotlin sources with the
# workspace's own uniffi-bindgen (pinned to the binding's uniffi version). Maven runs it in the
# generate-sources phase (bindings-kotlin/pom.xml), so `mvn package` works from a fresh clone;
# it can also be run by hand.
#
#   scripts/kotlin-bindings.sh [release|debug]     # default: release
#
# Writes, under bindings-kotlin/target/:
#   generated-sources/uniffi/   the generated Kotlin (uk.ete.core, uk.ete.core.types), afresh
#   native/<platform>/<lib>     the native library at JNA's resource path for this machine
#                               (linux-x86-64/libete_kotlin.so here), packed into the jar
# Honours CARGO_TARGET_DIR. Needs cargo (rustup) on PATH.
set -euo pipefail
profile=${1:-release}
case $profile in
  release) cargo_profile=(--release); profile_dir=release ;;
  debug | dev) cargo_profile=(); profile_dir=debug ;;
  *) echo "usage: $0 [release|debug]" >&2; exit 2 ;;
esac
# CARGO_TARGET_DIR may be relative to where the caller stands: resolve it before moving.
target_dir=${CARGO_TARGET_DIR:-}
[[ -n $target_dir && $target_dir != /* ]] && target_dir="$(pwd)/$target_dir"
cd "$(dirname "$0")/.."
root=$(pwd)
target_dir=${target_dir:-$root/target}

# JNA's resource prefix (com.sun.jna.Platform.RESOURCE_PREFIX) and the library's file name.
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) platform=linux-x86-64; lib=libete_kotlin.so ;;
  Linux-aarch64) platform=linux-aarch64; lib=libete_kotlin.so ;;
  Darwin-x86_64) platform=darwin-x86-64; lib=libete_kotlin.dylib ;;
  Darwin-arm64) platform=darwin-aarch64; lib=libete_kotlin.dylib ;;
  *) echo "kotlin-bindings.sh: no JNA resource prefix known for $(uname -s) $(uname -m)" >&2; exit 1 ;;
esac

# The library and the bindgen in one build (one feature resolution, so their shared crates are
# compiled once). ETE_KOTLIN_CARGO_SCOPE replaces `-p ete-kotlin -p uniffi-bindgen`: the test
# command passes the scope its `cargo test` built (`--workspace --exclude ete-python
# --all-targets`), whose features differ from a build of these two alone, so that nothing is
# compiled a second time.
read -r -a scope <<<"${ETE_KOTLIN_CARGO_SCOPE:--p ete-kotlin -p uniffi-bindgen}"
echo "kotlin-bindings: cargo build ${scope[*]} (${profile_dir})"
cargo build -q --locked "${cargo_profile[@]}" "${scope[@]}"
library="$target_dir/$profile_dir/$lib"

out=bindings-kotlin/target
rm -rf "$out/generated-sources/uniffi" "$out/native"
# Classes of a type that moved package would clash with the new ones: compile afresh.
rm -rf "$out/classes" "$out/test-classes"
echo "kotlin-bindings: uniffi-bindgen generate --language kotlin"
"$target_dir/$profile_dir/uniffi-bindgen" generate --library "$library" \
  --language kotlin --out-dir "$out/generated-sources/uniffi" --no-format
mkdir -p "$out/native/$platform"
cp "$library" "$out/native/$platform/$lib"
echo "kotlin-bindings: $out/native/$platform/$lib ($(du -h "$library" | cut -f1))"
