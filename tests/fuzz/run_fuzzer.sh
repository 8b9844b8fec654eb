#!/usr/bin/env bash
# Runs one libFuzzer target for a bounded time from its seeds and its kept
# corpus, niced (the machine is shared). A crash leaves the input in ARTIFACTS
# (crash-*, leak-*, timeout-*) and fails with libFuzzer's exit status.
#   run_fuzzer.sh BINARY SECONDS CORPUS_DIR SEEDS_DIR DICT MAX_LEN ARTIFACTS_PREFIX [libFuzzer flags...]
set -euo pipefail
binary=$1 seconds=$2 corpus=$3 seeds=$4 dict=$5 max_len=$6 artifacts=$7
shift 7
mkdir -p "$corpus" "$seeds" "$artifacts"
# -timeout: one input taking longer is a hang (the server must never hang);
# -rss_limit_mb: one input growing memory past it is a finding too.
# -entropic=0: the entropic schedule's per-feature bookkeeping (tens of
# thousands of features per run of the server or the analysis) cost more CPU
# than the targets themselves (perf: 30-46% in UpdateFeatureFrequency).
# ASan: no fill of fresh allocations (a memset per malloc was ~4% of the
# framing fuzzer), and a quarantine far larger than one input's allocations.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}max_malloc_fill_size=0:quarantine_size_mb=64"
exec nice -n 10 "$binary" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2560 -entropic=0 \
  -max_len="$max_len" -dict="$dict" -artifact_prefix="$artifacts" -print_final_stats=1 \
  "$@" "$corpus" "$seeds"
