#!/usr/bin/env bash
# The content checks' evaluation batch that docs/calibration.md's session tables
# are made of: `bitext eval` on the tuning split (whole documents, seeds 1-3;
# 100-pair documents, seeds 1-2; without the dictionary, seed 1), on the Debian
# FAQ and maint-guide development sets (seeds 1-2), and on the held-out sets,
# whose outputs keep their summary lines only (no miss of a held-out document is
# written, so none can be read while tuning).
#
#   scripts/eval-batch.sh BITEXT OUTDIR [LEXICON]
#
# One file per run in OUTDIR; scripts/eval-summary.py OUTDIR [OUTDIR2] prints a
# row per file. The maint-guide is split by chapter (six for development, the
# rest held out) and the FAQ kept whole, from ../shared/data.
set -euo pipefail
bin=$1 out=$2 lexicon=${3:-$(dirname "$1")/cedict.lex}
root=$(cd "$(dirname "$0")/.." && pwd)
tuning=$root/data/calibration/debian-docs.zh-en.tsv
heldout=$root/data/calibration/debian-docs-heldout.zh-en.tsv
shared=$root/../shared/data/debian-faq-maint-guide.zh-en.tsv
mkdir -p "$out/sets"
dev='^maint-guide:(advanced|checkit|dreq|index|start|upload)\.'
awk -F'\t' -v d="$dev" '$3 ~ d' "$shared" > "$out/sets/maint-dev.tsv"
awk -F'\t' -v d="$dev" '$3 ~ /^maint-guide:/ && $3 !~ d' "$shared" > "$out/sets/maint-hold.tsv"
awk -F'\t' '$3 ~ /^debian-faq:/' "$shared" > "$out/sets/faq-dev.tsv"
summary='^(missed|not restored|false alarm|  |unrestored|miss )'
run() { BITEXT_LEXICON=$lexicon "$bin" eval "$@"; }
held() { run "$@" | grep -v -E "$summary" || true; }
for s in 1 2 3; do run --seed $s --trials 10 --tsv "$tuning" > "$out/tune-s$s.txt"; done
for s in 1 2; do run --seed $s --trials 20 --doc-pairs 100 --tsv "$tuning" > "$out/tune100-s$s.txt"; done
for s in 1 2; do run --seed $s --trials 10 --tsv "$out/sets/faq-dev.tsv" > "$out/faq-dev-s$s.txt"; done
for s in 1 2; do run --seed $s --trials 10 --tsv "$out/sets/maint-dev.tsv" > "$out/maint-dev-s$s.txt"; done
BITEXT_LEXICON= "$bin" eval --seed 1 --trials 10 --tsv "$tuning" > "$out/nodict-tune-s1.txt"
for s in 1 2; do held --seed $s --trials 10 --tsv "$heldout" > "$out/HELD-docs-s$s.txt"; done
held --seed 1 --trials 20 --doc-pairs 100 --tsv "$heldout" > "$out/HELD-docs100-s1.txt"
for s in 1 2; do held --seed $s --trials 10 --tsv "$out/sets/maint-hold.tsv" > "$out/HELD-maint-s$s.txt"; done
held --seed 1 --trials 20 --doc-pairs 100 --tsv "$out/sets/maint-hold.tsv" > "$out/HELD-maint100-s1.txt"
