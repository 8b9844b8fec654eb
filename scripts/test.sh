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
# The VS Code end-to-end test runs code-server 4.100.3, which needs Node.js 20
# (the project's machines and CI have it). In CI a failed set-up fails the run;
# elsewhere the VS Code tests are left out with a notice that says why.
ctest_filter=()
if ! bash "$root/scripts/setup-vscode-e2e.sh"; then
  if [[ "${CI:-}" == true ]]; then
    echo "test: the VS Code end-to-end set-up failed" >&2
    exit 1
  fi
  echo "test: NOTICE: VS Code tests left out (label vscode): their set-up failed, see above" >&2
  ctest_filter=(-LE vscode)
fi
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBITEXT_WERROR=ON
cmake --build "$build" -j"$(nproc)"
ctest --test-dir "$build" --output-on-failure -j2 "${ctest_filter[@]}" "$@"
