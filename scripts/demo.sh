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

# Runs bitext and shows its exit status; only a failure to run (status 2 or
# worse) stops the demo, since finding problems (status 1) is the point.
run() {
  echo
  echo "\$ bitext $*"
  local status=0
  "$bitext" "$@" || status=$?
  echo "(exit status $status)"
  if ((status >= 2)); then
    echo "demo: bitext $1 failed" >&2
    exit 1
  fi
}

sample=examples/unsupervised-learning-ep1.zh-en.txt
# Structurally the sample is clean: no findings, exit status 0.
run check --no-content "$sample"
# The content checks point at the places where a line's translation runs into
# the next pair: real alignment mistakes of the sample.
run check "$sample"
# A few of its pairs with one structural mistake of each kind, made on purpose.
run check --no-content examples/with-errors.zh-en.txt
run outline "$sample"
