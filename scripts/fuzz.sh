#!/usr/bin/env bash
# Builds the libFuzzer targets (clang-14, ASan + UBSan, in build-asan/ or
# $BITEXT_ASAN_BUILD_DIR) and runs each for SECONDS (default 60), one after the
# other, niced. Replays the saved regression inputs first. What the runs find
# is kept in <build>/tests/fuzz/corpus/ for the next run; crashes are left in
# <build>/tests/fuzz/artifacts/<fuzzer>/ and make the script fail.
#   scripts/fuzz.sh [SECONDS] [FUZZER...]      (fuzzers: framing jsonrpc analysis fixes)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BITEXT_ASAN_BUILD_DIR:-$root/build-asan}"
seconds="${1:-60}"
shift || true
fuzzers=("$@")
if ((${#fuzzers[@]} == 0)); then fuzzers=(framing jsonrpc analysis fixes); fi

bash "$root/scripts/setup.sh"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 \
  -DBITEXT_FUZZ=ON -DBITEXT_WERROR=OFF -DBITEXT_BUILD_BENCH=OFF -DBITEXT_FUZZ_SECONDS="$seconds" >/dev/null
cmake --build "$build" -j"$(nproc)" --target fuzzers
regex="^fuzz_make_seeds$"
for f in "${fuzzers[@]}"; do regex+="|^fuzz_${f}_regressions$|^fuzz_${f}$"; done
# One fuzzer at a time: each takes a core; the machine may be shared.
status=0
ctest --test-dir "$build" --output-on-failure -j1 -R "$regex" || status=$?
# Executions per fuzzer, from libFuzzer's final statistics.
awk '/^[0-9]+\/[0-9]+ Test: / { name = $3 }
     /^stat::number_of_executed_units:/ { printf "%-16s %12d executions\n", name, $2 }
     /^stat::peak_rss_mb:/ { printf "%-16s %12d MB peak RSS\n", name, $2 }' \
  "$build/Testing/Temporary/LastTest.log" | grep -v _regressions || true
ls "$build"/tests/fuzz/artifacts/*/ 2>/dev/null | grep -E 'crash|leak|timeout|oom' && echo "fuzz: inputs that failed are in $build/tests/fuzz/artifacts/"
exit "$status"
