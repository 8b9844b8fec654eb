#!/usr/bin/env bash
# Runs a fuzzer once on each saved input of a directory (no fuzzing): the
# regression inputs of tests/fuzz/regressions/<name>/.
#   replay.sh BINARY DIR
set -euo pipefail
binary=$1 dir=$2
shopt -s nullglob
inputs=("$dir"/*)
if ((${#inputs[@]} == 0)); then
  echo "replay: no inputs in $dir"
  exit 0
fi
exec "$binary" "${inputs[@]}"
