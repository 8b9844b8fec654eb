#!/usr/bin/env bash
# Checks that a speed change changed no output: `bitext check --format json`
# of two binaries, byte for byte, on every transcript of the repository
# (examples/, tests/eval, tests/fixtures, ../shared/samples) and on the extra
# files given, without and with the dictionary.
#
#   scripts/compare-check-output.sh OLD_BITEXT NEW_BITEXT [LEXICON] [EXTRA_FILE...]
#
# LEXICON defaults to build/cedict.lex. OLD_LEXICON=path gives the old binary
# its own image when the image format changed between the two (an old binary
# cannot read a newer image and would run without the dictionary). Exit
# status 1 and the differing files named when any output differs.
set -u
old=$1 new=$2
lexicon=${3:-build/cedict.lex}
shift $(( $# >= 3 ? 3 : $# ))
here=$(cd "$(dirname "$0")/.." && pwd)
# The shared samples sit beside the main checkout; a git worktree elsewhere finds them through it.
samples="$here/../shared/samples"
if [[ ! -d $samples ]]; then
  common=$(git -C "$here" rev-parse --path-format=absolute --git-common-dir 2>/dev/null) &&
    samples="$(dirname "$common")/../shared/samples"
fi
[[ -d $samples ]] || { echo "compare-check-output: no shared samples at $samples" >&2; samples=""; }
mapfile -t files < <(find "$here/examples" "$here/tests/eval" "$here/tests/fixtures" ${samples:+"$samples/"} \
  -type f \( -name '*.txt' -o -name '*.md' -o -name '*.srt' -o -name '*.vtt' \) ! -name README.md | sort)
files+=("$@")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
status=0 compared=0
old_lexicon=${OLD_LEXICON:-$lexicon}
for lex in "" "$lexicon"; do
  old_lex=$lex
  [[ -n $lex ]] && old_lex=$old_lexicon
  for f in "${files[@]}"; do
    BITEXT_LEXICON=$old_lex "$old" check --format json "$f" > "$out/old" 2>&1; old_rc=$?
    BITEXT_LEXICON=$lex "$new" check --format json "$f" > "$out/new" 2>&1; new_rc=$?
    compared=$((compared + 1))
    if [[ $old_rc != "$new_rc" ]] || ! cmp -s "$out/old" "$out/new"; then
      echo "DIFFERS (BITEXT_LEXICON=$lex, exit $old_rc/$new_rc): $f"
      status=1
    fi
  done
done
echo "compared $compared outputs (${#files[@]} files x 2 dictionary settings): $([[ $status == 0 ]] && echo all identical || echo some differ)"
exit $status
