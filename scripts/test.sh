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
phase_done "set-up"

# Two things run beside the foreground work, to use what it leaves idle: the VS
# Code set-up (downloads, mostly) while the release build compiles, and the
# sanitizer build, at the lowest priority, while the release tests run (the
# editors' end-to-end tests mostly wait). Their output is printed when they end.
logs=$(mktemp -d "${TMPDIR:-/tmp}/bitext-test.XXXXXX")
background=()
# Each runs in a session of its own (setsid), so that its whole process group
# stops with the script. A new session is a new scheduling group where the
# kernel groups by session (autogroup): the sanitizer build lowers its group's
# priority too, or it would take half the CPU from the tests whatever its nice.
stop_background() {
  local pid
  for pid in "${background[@]}"; do kill -- "-$pid" 2>/dev/null || true; done
  rm -rf "$logs"
}
trap stop_background EXIT

# The VS Code end-to-end test runs code-server 4.100.3, which needs Node.js 20
# (the project's machines and CI have it). In CI a failed set-up fails the run;
# elsewhere the VS Code tests are left out with a notice that says why.
setsid bash "$root/scripts/setup-vscode-e2e.sh" >"$logs/vscode-setup.log" 2>&1 &
vscode_setup=$!
background+=("$vscode_setup")

# Both builds are unity builds (BITEXT_UNITY: each library's files compiled in
# batches): from clean, as CI builds, that is about half the compile time.
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBITEXT_WERROR=ON -DBITEXT_UNITY=ON
cmake --build "$build" -j"$(nproc)"
phase_done "release build"

# The sanitizer build (label "sanitized": the core's and the server's unit
# tests, the CLI's input tests, the protocol transcripts), the fuzzers' regression
# inputs and a bounded run of each fuzzer. Not the CLI's output tests, the editors'
# end-to-end tests nor the evaluation; -O1 with line tables only (enough for the
# sanitizers' stack traces) compiles in about half the time of -O2 -g.
setsid bash -c 'echo 19 >/proc/self/autogroup 2>/dev/null || true
  nice -n 19 cmake -S "$1" -B "$2" -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_FLAGS_DEBUG="-O1 -gline-tables-only" -DCMAKE_CXX_COMPILER=clang++-14 \
    -DBITEXT_FUZZ=ON -DBITEXT_WERROR=OFF -DBITEXT_BUILD_BENCH=OFF -DBITEXT_UNITY=ON -DBITEXT_FUZZ_SECONDS="$3" &&
  nice -n 19 cmake --build "$2" -j"$(nproc)" --target sanitized_tests fuzzers' \
  bitext-sanitizer-build "$root" "$asan_build" "${BITEXT_FUZZ_SECONDS:-10}" >"$logs/sanitizer-build.log" 2>&1 &
sanitizer_build=$!
background+=("$sanitizer_build")

ctest_filter=()
vscode_status=0
wait "$vscode_setup" || vscode_status=$?
background=("$sanitizer_build")
cat "$logs/vscode-setup.log"
if ((vscode_status != 0)); then
  if [[ "${CI:-}" == true ]]; then
    echo "test: the VS Code end-to-end set-up failed" >&2
    exit 1
  fi
  echo "test: NOTICE: VS Code tests left out (label vscode): their set-up failed, see above" >&2
  ctest_filter=(-LE vscode)
fi
phase_done "waiting for the VS Code set-up"

status=0
ctest --test-dir "$build" --output-on-failure -j2 "${ctest_filter[@]}" "$@" || status=$?
phase_done "release tests"

sanitizer_status=0
wait "$sanitizer_build" || sanitizer_status=$?
background=()
if ((sanitizer_status != 0)); then
  cat "$logs/sanitizer-build.log"
  echo "test: the sanitizer build failed" >&2
  exit 1
fi
tail -n 3 "$logs/sanitizer-build.log"
phase_done "the rest of the sanitizer build"
ctest --test-dir "$asan_build" --output-on-failure -j2 -L 'sanitized|fuzz' "$@" || status=$?
phase_done "sanitizer tests"
exit "$status"
