#!/usr/bin/env bash
# Quick start: installs what is missing (with the editors the end-to-end tests
# drive), builds everything with warnings as errors and runs the whole test
# suite. Exits non-zero when anything fails. Works from any directory.
#   scripts/test.sh [ctest arguments...]   (e.g. -R cli; build directory:
#                                            build/, or $BITEXT_BUILD_DIR)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BITEXT_BUILD_DIR:-$root/build}"

bash "$root/scripts/setup.sh" --e2e
bash "$root/scripts/setup-vscode-e2e.sh"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBITEXT_WERROR=ON
cmake --build "$build" -j"$(nproc)"
ctest --test-dir "$build" --output-on-failure -j2 "$@"
