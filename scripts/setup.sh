#!/usr/bin/env bash
# Installs what Bitext needs to build and test on Debian 12, as root. Idempotent
# and quick when everything is present. Usage: scripts/setup.sh [--e2e]
#   --e2e  also installs the editors the end-to-end tests drive (neovim, emacs + eglot) and
#          chromium (python3) for the report page test.
set -euo pipefail

packages=(build-essential cmake pkg-config git nlohmann-json3-dev libboost-dev libicu-dev doctest-dev libbenchmark-dev)
# The sanitizer build and the fuzzers (scripts/test.sh, scripts/fuzz.sh): clang with libFuzzer.
packages+=(clang-14 libclang-rt-14-dev)
if [[ "${1:-}" == "--e2e" ]]; then
  packages+=(neovim emacs-nox elpa-eglot chromium python3)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: all packages present"
fi

# The dictionary for the lexical signal (optional: without it the signal is off).
bash "$(dirname "${BASH_SOURCE[0]}")/fetch-cedict.sh" || true
