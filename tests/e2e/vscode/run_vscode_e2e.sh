#!/usr/bin/env bash
# End-to-end test of the VS Code extension (editors/vscode) in real VS Code:
# code-server 4.100.3 driven by headless Debian chromium through playwright-core.
#   run_vscode_e2e.sh BITEXT_BINARY SOURCE_DIR ARTIFACT_DIR
# Packs the extension into a .vsix with the given server bundled, installs it
# into a fresh code-server (own port, user-data and extensions directories),
# opens the sample under a plain .txt name (switched to Bilingual Transcript:
# colours, wrapping, Next Misaligned Pair, the alignment report webview) and a
# copy with the English line of pair 10 deleted, and lets
# vscode_e2e.mjs check the status item, restart, the Problems panel, a hover,
# the Outline view, the quick fix, workspace settings reaching the server and
# the error for a wrong bitext.server.path; then a bilingual .srt and .md
# (Problems, language, Outline). Screenshots (transcript colours,
# hover, Problems, Outline, the report) go to ARTIFACT_DIR; on failure also
# failure.png and the VS Code logs. The code-server process group is
# killed whatever happens.
# Needs `scripts/setup-vscode-e2e.sh` (fails, never skips, without it).
set -uo pipefail

server=${1:?usage: run_vscode_e2e.sh BITEXT_BINARY SOURCE_DIR ARTIFACT_DIR}
source_dir=${2:?missing source directory}
artifacts=${3:?missing artifact directory}
here="$source_dir/tests/e2e/vscode"
extension_dir="$source_dir/editors/vscode"
sample="$source_dir/examples/unsupervised-learning-ep1.zh-en.txt"
code_server_version=4.100.3
started=$SECONDS

die() { echo "e2e_vscode: FAIL: $*" >&2; exit 1; }
step() { echo "e2e_vscode: [$((SECONDS - started)) s] $*"; }

# --- prerequisites ----------------------------------------------------------
prefix=""
for candidate in ${BITEXT_VSCODE_E2E_PREFIX:-} /opt/bitext-vscode-e2e "$source_dir/.cache/vscode-e2e"; do
  if [[ -f "$candidate/code-server/.bitext-installed-$code_server_version" ]]; then
    prefix=$candidate
    break
  fi
done
setup_hint="run 'scripts/setup-vscode-e2e.sh'"
[[ -n "$prefix" ]] || die "code-server $code_server_version is not installed: $setup_hint"
code_server="$prefix/code-server/bin/code-server"
[[ -x "$server" ]] || die "server binary $server is missing (build the 'bitext' target)"
[[ -f "$sample" ]] || die "sample $sample is missing"
[[ -x /usr/bin/chromium ]] || die "/usr/bin/chromium is missing: $setup_hint"
[[ -x "$extension_dir/node_modules/.bin/vsce" && -x "$extension_dir/node_modules/.bin/esbuild" ]] ||
  die "the extension's npm dependencies are missing: $setup_hint"
[[ -d "$here/node_modules/playwright-core" ]] || die "playwright-core is missing: $setup_hint"

rm -rf "$artifacts"
mkdir -p "$artifacts"
work=$(mktemp -d "${TMPDIR:-/tmp}/bitext-e2e-vscode.XXXXXX") || die "mktemp failed"
code_server_pid=""

stop_code_server() {
  [[ -n "$code_server_pid" ]] || return 0
  # The whole group: code-server, its extension host and the bitext server.
  kill -TERM -- "-$code_server_pid" 2>/dev/null
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    kill -0 -- "-$code_server_pid" 2>/dev/null || break
    sleep 0.2
  done
  kill -KILL -- "-$code_server_pid" 2>/dev/null
  wait "$code_server_pid" 2>/dev/null
  code_server_pid=""
}
cleanup() {
  stop_code_server
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- the .vsix, with the server bundled as server/bitext --------------------
step "packing the extension"
stage="$work/extension"
mkdir -p "$stage/out" "$stage/server"
cp "$extension_dir/package.json" "$extension_dir/language-configuration.json" \
  "$extension_dir/.vscodeignore" "$stage/" || die "cannot copy the extension's files"
cp -r "$extension_dir/syntaxes" "$stage/" || die "cannot copy the extension's grammar"
# The README without its screenshots, which vsce refuses as relative images (as `npm run package` does).
grep -v '^!\[' "$extension_dir/README.md" >"$stage/out/README.md" || die "cannot copy the README"
"$extension_dir/node_modules/.bin/esbuild" "$extension_dir/src/extension.ts" --bundle --outfile="$stage/out/extension.js" \
  --external:vscode --format=cjs --platform=node --target=node20 --log-level=warning ||
  die "esbuild could not bundle the extension"
# Debug information only makes the package bigger.
strip --strip-debug -o "$stage/server/bitext" "$server" 2>/dev/null || cp "$server" "$stage/server/bitext"
chmod +x "$stage/server/bitext"
# The dictionary beside it, as the build has it: the bundled server then finds
# what `bitext check` finds below (with or without it, the two agree).
if [[ -f "$(dirname "$server")/cedict.lex" ]]; then
  cp "$(dirname "$server")/cedict.lex" "$stage/server/cedict.lex" || die "cannot copy the dictionary"
fi
# The manifest's prepublish step would rebuild from sources the stage lacks.
node -e '
  const fs = require("fs"), file = process.argv[1], manifest = JSON.parse(fs.readFileSync(file, "utf8"));
  delete manifest.scripts; fs.writeFileSync(file, JSON.stringify(manifest, null, 2));' "$stage/package.json"
(cd "$stage" && "$extension_dir/node_modules/.bin/vsce" package --no-dependencies --skip-license \
  --allow-missing-repository --readme-path out/README.md --out "$work/bitext.vsix" >"$work/vsce.log" 2>&1) || {
  cat "$work/vsce.log" >&2
  die "vsce could not pack the extension"
}

# --- the workspace: the sample with pair 10's English line (line 23) deleted --
workspace="$work/workspace"
mkdir -p "$workspace"
file_name=episode.zh-en.txt
[[ $(wc -l <"$sample") -eq 238 ]] || die "the sample no longer has 239 lines without a final newline"
awk 'NR != 23' "$sample" | head -c -1 >"$workspace/$file_name" # awk adds a final newline the sample lacks
# Workspace settings the server must receive (initializationOptions and
# workspace/configuration): its own placeholder, and missing-original as a warning.
placeholder='[EN missing]'
mkdir -p "$workspace/.vscode"
cat >"$workspace/.vscode/settings.json" <<JSON
{
  "bitext.placeholders.original": "$placeholder",
  "bitext.rules": { "missing-original": { "severity": "warning" } }
}
JSON
# The intact sample under a plain .txt name: detected and switched to Bilingual
# Transcript by the extension; its first finding (by position) is where "Next
# Misaligned Pair" must go from line 1.
cp "$sample" "$workspace/talk.txt"
# (`bitext check` exits 1 when it finds warnings: only its output counts here.)
first_finding=$({ "$server" check --format json "$workspace/talk.txt" 2>/dev/null || true; } | node -e '
  const files = JSON.parse(require("fs").readFileSync(0, "utf8"));
  const d = files[0].diagnostics.slice().sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)[0];
  process.stdout.write(JSON.stringify({ line: d.range.start.line, character: d.range.start.character, code: d.code, message: d.message }));') ||
  die "cannot find the first finding of the sample"
# The other layouts (tests/fixtures/layouts): a bilingual SRT with every timing
# error kind, which opens as plain text and is switched to Bilingual Transcript,
# and clean Markdown notes, which keep the Markdown language; the facts checked
# are worked out by hand in vscode_e2e.mjs (and in tests/e2e/run_e2e.sh).
cp "$source_dir/tests/fixtures/layouts/errors.srt" "$workspace/subtitles.srt" || die "cannot copy errors.srt"
cp "$source_dir/tests/fixtures/layouts/clean.md" "$workspace/notes.md" || die "cannot copy clean.md"
# After the fix, line 23 holds the placeholder: the sample with line 23 replaced.
awk -v placeholder="$placeholder" 'NR == 23 { print placeholder; next } { print }' "$sample" | head -c -1 >"$work/expected-fixed.txt"

# --- a fresh code-server ----------------------------------------------------
home="$work/home"
user_data="$work/user-data"
extensions="$work/extensions"
mkdir -p "$home" "$user_data/User" "$extensions"
cat >"$user_data/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "security.workspace.trust.enabled": false,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "chat.commandCenter.enabled": false,
  "files.autoSave": "off",
  "editor.hover.delay": 200,
  "editor.lightbulb.enabled": "off",
  "bitext.trace.server": "messages"
}
JSON
env_vars=(env -u BITEXT_VSCODE_E2E_PREFIX HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share"
  XDG_CACHE_HOME="$home/.cache" TMPDIR="$work")
code_server_args=(--user-data-dir "$user_data" --extensions-dir "$extensions" --disable-telemetry --disable-update-check)

step "installing the extension into code-server"
"${env_vars[@]}" "$code_server" "${code_server_args[@]}" --install-extension "$work/bitext.vsix" >"$work/install.log" 2>&1 || {
  cat "$work/install.log" >&2
  die "code-server could not install the .vsix"
}

port=$(node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });') ||
  die "no free port"
step "starting code-server on 127.0.0.1:$port"
# Job control puts the job in its own process group (its id = $!), which the
# extension host and the bitext server inherit: stop_code_server kills it all.
set -m
"${env_vars[@]}" "$code_server" "${code_server_args[@]}" --bind-addr "127.0.0.1:$port" --auth none \
  --disable-workspace-trust --disable-getting-started-override "$workspace" >"$artifacts/code-server.log" 2>&1 </dev/null &
code_server_pid=$!
set +m
healthy=""
for _ in $(seq 1 120); do
  if node -e 'require("http").get(process.argv[1], r => process.exit(r.statusCode === 200 ? 0 : 1)).on("error", () => process.exit(1))' \
    "http://127.0.0.1:$port/healthz" 2>/dev/null; then
    healthy=yes
    break
  fi
  kill -0 "$code_server_pid" 2>/dev/null || { cat "$artifacts/code-server.log" >&2; die "code-server exited"; }
  sleep 0.25
done
[[ -n "$healthy" ]] || { tail -20 "$artifacts/code-server.log" >&2; die "code-server did not answer on 127.0.0.1:$port"; }

# --- the browser ------------------------------------------------------------
step "driving VS Code in chromium"
E2E_URL="http://127.0.0.1:$port/?folder=$workspace" E2E_FILE="$workspace/$file_name" \
  E2E_TALK="$workspace/talk.txt" E2E_FIRST_FINDING="$first_finding" \
  E2E_SRT="$workspace/subtitles.srt" E2E_MD="$workspace/notes.md" \
  E2E_SAMPLE="$sample" E2E_EXPECTED_FIXED="$work/expected-fixed.txt" E2E_PLACEHOLDER="$placeholder" E2E_ARTIFACTS="$artifacts" \
  E2E_USER_DATA="$user_data" E2E_EXTENSIONS="$extensions" \
  E2E_BUDGET_S="${BITEXT_E2E_BUDGET:-300}" timeout -k 5 "$((${BITEXT_E2E_BUDGET:-300} + 30))" node "$here/vscode_e2e.mjs"
status=$?

if ((status != 0)); then
  # VS Code writes every output channel (Bitext's log and trace among them) under logs/.
  cp -r "$user_data/logs" "$artifacts/vscode-logs" 2>/dev/null
  stop_code_server
  echo "e2e_vscode: FAIL (status $status) after $((SECONDS - started)) s; screenshot and logs in $artifacts" >&2
  exit 1
fi
stop_code_server
step "PASS"
