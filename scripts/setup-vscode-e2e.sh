#!/usr/bin/env bash
# Installs what the VS Code end-to-end test (ctest e2e_vscode) needs, on Debian 12
# with Node 20. Idempotent: each step is skipped when its result is present, so a
# second run takes about a second.
#   scripts/setup-vscode-e2e.sh
#   BITEXT_VSCODE_E2E_PREFIX=DIR   where code-server goes (default /opt/bitext-vscode-e2e
#                                  when writable, else <repo>/.cache/vscode-e2e)
# Installs: Debian chromium with fonts-noto-cjk (readable CJK screenshots), libkrb5-dev, ripgrep; code-server 4.100.3 from npm
# (the last release that runs on Node 20) with its native modules built here;
# the extension's npm dependencies (editors/vscode) and playwright-core
# (tests/e2e/vscode), both from their package-lock.json.
# code-server's own install would download ripgrep from GitHub and run under
# `npm install -g` settings that break its nested install, so the steps below
# do it by hand (see shared field notes, section 8).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
code_server_version=4.100.3
ripgrep_package_version=1.15.11  # @vscode/ripgrep in code-server 4.100.3's VS Code
ripgrep_tarball=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz

default_prefix=/opt/bitext-vscode-e2e
if ! { mkdir -p "$default_prefix" 2>/dev/null && [[ -w "$default_prefix" ]]; }; then
  default_prefix="$root/.cache/vscode-e2e"
fi
prefix="${BITEXT_VSCODE_E2E_PREFIX:-$default_prefix}"
stamp="$prefix/code-server/.bitext-installed-$code_server_version"
package_dir="$prefix/code-server/lib/node_modules/code-server"

say() { echo "setup-vscode-e2e: $*"; }
die() { echo "setup-vscode-e2e: error: $*" >&2; exit 1; }

command -v node >/dev/null || die "node not found (Node 20 is needed)"
command -v npm >/dev/null || die "npm not found"
node_major=$(node -p 'process.versions.node.split(".")[0]')
[[ "$node_major" == 20 ]] || die "code-server $code_server_version needs Node 20, found $(node --version)"

# --- Debian packages --------------------------------------------------------
packages=(chromium fonts-noto-cjk libkrb5-dev ripgrep python3 make g++)
missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  say "installing ${missing[*]}"
  sudo_cmd=()
  if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  say "Debian packages present"
fi

# --- code-server ------------------------------------------------------------
if [[ -f "$stamp" && -x "$prefix/code-server/bin/code-server" ]]; then
  say "code-server $code_server_version present in $prefix/code-server"
else
  say "installing code-server $code_server_version into $prefix/code-server"
  rm -rf "$prefix/code-server"
  mkdir -p "$prefix"
  # Without scripts: the postinstall is run below with the right environment.
  npm install -g --ignore-scripts --no-audit --no-fund --prefix "$prefix/code-server" \
    "code-server@$code_server_version"
  # The login page's password hashing; built against the system Node headers.
  (cd "$package_dir" && npm_config_nodedir=/usr npm rebuild argon2)

  # @vscode/ripgrep downloads its binary from GitHub unless it is in the cache:
  # hand it Debian's rg under the name it looks for.
  scratch=$(mktemp -d "${TMPDIR:-/tmp}/bitext-vscode-setup.XXXXXX")
  trap 'rm -rf "$scratch"' EXIT
  mkdir -p "$scratch/rg" "$scratch/vscode-ripgrep-cache-$ripgrep_package_version"
  cp "$(command -v rg)" "$scratch/rg/rg"
  tar -czf "$scratch/vscode-ripgrep-cache-$ripgrep_package_version/$ripgrep_tarball" -C "$scratch/rg" rg

  # VS Code's own dependencies and native modules. A clean environment: the
  # settings of an outer npm would leak into this nested install.
  (cd "$package_dir" &&
    env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$HOME" TMPDIR="$scratch" \
      npm_config_user_agent="npm/$(npm --version) node/$(node --version) linux x64" \
      npm_config_unsafe_perm=true npm_config_yes=true npm_config_nodedir=/usr \
      npm_config_audit=false npm_config_fund=false \
      sh postinstall.sh >"$scratch/postinstall.log" 2>&1) || {
    tail -40 "$scratch/postinstall.log" >&2
    die "code-server's postinstall failed (log above)"
  }
  [[ -x "$package_dir/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ]] ||
    die "code-server's ripgrep is missing after postinstall"
  [[ -f "$package_dir/lib/vscode/node_modules/node-pty/build/Release/pty.node" ]] ||
    die "code-server's node-pty was not built"
  touch "$stamp"
  say "code-server installed"
fi

# --- npm dependencies of the extension and of the test driver ---------------
# `npm ci` when node_modules is missing or older than the lock file.
npm_ci() {
  local dir=$1
  if [[ -f "$dir/node_modules/.package-lock.json" && "$dir/node_modules/.package-lock.json" -nt "$dir/package-lock.json" ]]; then
    say "npm dependencies of ${dir#"$root"/} present"
  else
    say "npm ci in ${dir#"$root"/}"
    (cd "$dir" && npm ci --no-audit --no-fund)
  fi
}
npm_ci "$root/editors/vscode"
npm_ci "$root/tests/e2e/vscode"

say "ready: code-server $code_server_version in $prefix/code-server, chromium $(dpkg-query -W -f='${Version}' chromium)"
