#!/usr/bin/env bash
# Quick start: installs what is missing (with the editors the end-to-end tests
# drive), builds everything with warnings as errors and runs the whole test
# suite; then builds the core, server, CLI-input and protocol tests again with clang-14,
# AddressSanitizer and UndefinedBehaviorSanitizer, runs them there, and runs each
# fuzzer for a bounded time (BITEXT_FUZZ_SECONDS, default 10). Exits non-zero
# when anything fails. Works from any directory.
#   scripts/test.sh [ctest arguments...]   (e.g. -R cli; build directories:
#                                            build/ and build-asan/, or
#                                            $BITEXT_BUILD_DIR, $BITEXT_ASAN_BUILD_DIR)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BITEXT_BUILD_DIR:-$root/build}"
asan_build="${BITEXT_ASAN_BUILD_DIR:-$root/build-asan}"

# How long each phase took, on stderr: the CI log then says where its minutes go.
phase_start=$SECONDS
phase_done() {
  echo "test: $1 took $((SECONDS - phase_start)) s (total $SECONDS s)" >&2
  phase_start=$SECONDS
}

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
phase_done "set-up"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBITEXT_WERROR=ON
cmake --build "$build" -j"$(nproc)"
phase_done "release build"
status=0
ctest --test-dir "$build" --output-on-failure -j2 "${ctest_filter[@]}" "$@" || status=$?
phase_done "release tests"

# The sanitizer build (label "sanitized": the core's and the server's unit
# tests, the CLI's input tests, the protocol transcripts), the fuzzers' regression
# inputs and a bounded run of each fuzzer. Not the CLI's output tests, the editors'
# end-to-end tests nor the evaluation; -O1 with line tables only (enough for the
# sanitizers' stack traces) compiles in about half the time of -O2 -g.
cmake -S "$root" -B "$asan_build" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -gline-tables-only" \
  -DCMAKE_CXX_COMPILER=clang++-14 \
  -DBITEXT_FUZZ=ON -DBITEXT_WERROR=OFF -DBITEXT_BUILD_BENCH=OFF -DBITEXT_FUZZ_SECONDS="${BITEXT_FUZZ_SECONDS:-10}"
cmake --build "$asan_build" -j"$(nproc)" --target sanitized_tests fuzzers
phase_done "sanitizer build"
ctest --test-dir "$asan_build" --output-on-failure -j2 -L 'sanitized|fuzz' "$@" || status=$?
phase_done "sanitizer tests"
exit "$status"
