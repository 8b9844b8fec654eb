#!/usr/bin/env bash
# CPU seconds of every compile step of a clean build, summed per part of the
# tree (core, lsp, cli/eval, tests, bench): where CI's build minutes go.
#   scripts/compile-times.sh BUILD_DIR [cmake options...]
# e.g. scripts/compile-times.sh /tmp/times -DBITEXT_UNITY=ON
# Builds from clean into BUILD_DIR (PCH on, as scripts/test.sh builds) through
# a launcher that logs each step's user+sys time; prints the sums and the ten
# dearest steps. Links are not counted (they do not go through the launcher).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:?usage: scripts/compile-times.sh BUILD_DIR [cmake options...]}"
shift
mkdir -p "$build"
build="$(cd "$build" && pwd)"
log="$build/compile-times.log"
launcher="$build/compile-time-launcher"
cat >"$launcher" <<'LAUNCHER'
#!/usr/bin/env bash
out=""; previous=""
for argument in "$@"; do [[ "$previous" == "-o" ]] && out="$argument"; previous="$argument"; done
times=$(mktemp)
status=0
/usr/bin/time -f "%U %S" -o "$times" "$@" || status=$?
echo "$(awk '{print $1 + $2}' "$times") $out" >>"$COMPILE_TIMES_LOG"
rm -f "$times"
exit "$status"
LAUNCHER
chmod +x "$launcher"
rm -f "$log"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBITEXT_PCH=ON \
  -DCMAKE_CXX_COMPILER_LAUNCHER="$launcher" "$@" >/dev/null
cmake --build "$build" --target clean >/dev/null
COMPILE_TIMES_LOG="$log" cmake --build "$build" -j"$(nproc)" >/dev/null

awk '{
  part = "other"
  if ($2 ~ /bitext_core/) part = "core"
  else if ($2 ~ /bitext_lsp/) part = "lsp"
  else if ($2 ~ /bench_/) part = "bench"
  else if ($2 ~ /(^|\/)(test_|bitext_doctest_main|lsp_transcript)/) part = "tests"
  else if ($2 ~ /bitext_eval|bitext\.dir/) part = "cli/eval"
  sum[part] += $1; steps[part]++; total += $1
} END {
  for (part in sum) printf "%-9s %7.1f s CPU in %3d steps\n", part, sum[part], steps[part]
  printf "%-9s %7.1f s CPU\n", "all", total
}' "$log" | sort
echo "dearest steps:"
sort -rn "$log" | head -10
