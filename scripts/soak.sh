#!/usr/bin/env bash
# Soak test of the language server: one `bitext lsp` process, 20,000 edits at
# typing speed on the sample and 10,000 on a 5 MB document, with hovers,
# outlines and code actions in between (about 7 minutes); prints RSS and
# request latencies and fails when a request goes unanswered or the final
# diagnostics differ from a fresh server's. Not part of scripts/test.sh.
#   scripts/soak.sh [--quick] [--edits N] [--big-edits N] [--interval-ms N] [--seed N]
#   --quick: 1,500 + 300 edits (about 30 s)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BITEXT_BUILD_DIR:-$root/build}"
bash "$root/scripts/setup.sh"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"$(nproc)" --target bitext soak
exec "$build/tests/soak/soak" "$build/bitext" "$root" "$@"
