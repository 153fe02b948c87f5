#!/usr/bin/env bash
# Non-blank, non-comment lines of library code (tests excluded): core/src, the Python binding
# (Rust + the committed Python package) and the Kotlin binding (Rust + hand-written Kotlin), and
# the bindings' ratio to core. `git` tracked files only, so a generated, uncommitted stub does
# not count. Usage: scripts/count-lines.sh [REV]   (default: the work tree)
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:-}
files() { if [[ -n $rev ]]; then git ls-tree -r --name-only "$rev" -- "$@"; else git ls-files -- "$@"; fi; }
show() { if [[ -n $rev ]]; then git show "$rev:$1"; else cat "$1"; fi; }
count() {
  local n=0 f
  while read -r f; do
    [[ -z $f ]] && continue
    case $f in
      */test/*|*/tests/*) continue ;;
      *.rs|*.kt) n=$((n + $(show "$f" | grep -Ev '^\s*$|^\s*//' | wc -l))) ;;
      *.py|*.pyi) n=$((n + $(show "$f" | grep -Ev '^\s*$|^\s*#' | wc -l))) ;;
    esac
  done
  echo "$n"
}
core=$(files core/src | count)
py=$(files bindings-python/src bindings-python/python | count)
kt=$(files bindings-kotlin/src | count)
echo "core/src $core; bindings-python $py; bindings-kotlin $kt; bindings/core $(awk "BEGIN{printf \"%.2f\", ($py+$kt)/$core}")"
