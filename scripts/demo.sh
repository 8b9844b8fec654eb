#!/usr/bin/env bash
# Quick start: installs what is missing, builds `bitext`, then checks and
# outlines the bundled sample transcript. Works from any directory.
#   scripts/demo.sh            (build directory: build/, or $BITEXT_BUILD_DIR)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BITEXT_BUILD_DIR:-$root/build}"

bash "$root/scripts/setup.sh"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build" -j"$(nproc)" --target bitext
bitext="$build/bitext"
cd "$root"  # so the reports show short paths

run() {
  echo
  echo "\$ bitext $*"
  local status=0
  "$bitext" "$@" || status=$?
  echo "(exit status $status)"
  return "$status"
}

# The sample is a clean transcript: no findings, exit status 0.
run check examples/unsupervised-learning-ep1.zh-en.txt
# A few of its pairs with mistakes made on purpose: findings, exit status 1.
status=0
run check --no-content examples/with-errors.zh-en.txt || status=$?
if [[ $status -ne 1 ]]; then
  echo "demo: expected findings (exit status 1) in examples/with-errors.zh-en.txt" >&2
  exit 1
fi
run outline examples/unsupervised-learning-ep1.zh-en.txt
