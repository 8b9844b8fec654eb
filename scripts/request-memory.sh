#!/usr/bin/env bash
# Memory of the language server around very large requests (issue: a 10 MiB
# string id left 80 MB resident; a 60 MiB request peaked at 325 MB and left
# 202 MB after idling). Starts `bitext lsp`, initialises it, then sends each
# request and reads the process's resident memory (VmRSS) and its peak (VmHWM)
# from /proc after 15 s (handling a 60 MiB message takes seconds; the server returns freed memory 5 s after its last work). Prints one line per step.
#   scripts/request-memory.sh [BITEXT]   (default build/bitext)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bitext="${1:-$root/build/bitext}"
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
mkfifo "$work/in"
"$bitext" lsp <"$work/in" >"$work/out" 2>"$work/err" &
server=$!
exec 3>"$work/in"

frame() {  # frame FILE: writes FILE to the server with its Content-Length header
  printf 'Content-Length: %d\r\n\r\n' "$(stat -c %s "$1")" >&3
  cat "$1" >&3
}
body() { printf '%s' "$1" >"$work/body"; frame "$work/body"; }
memory() {  # memory LABEL
  sleep "${IDLE_SECONDS:-15}"
  local rss hwm
  rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$server/status")
  hwm=$(awk '/^VmHWM:/ {print $2}' "/proc/$server/status")
  printf '%-44s RSS %6d KiB   peak %6d KiB\n' "$1" "$rss" "$hwm"
}
filler() { head -c "$1" /dev/zero | tr '\0' a; }  # filler BYTES

body '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}'
body '{"jsonrpc":"2.0","method":"initialized","params":{}}'
memory "initialised"

{ printf '{"jsonrpc":"2.0","id":"'; filler $((10 << 20)); printf '","method":"no/such/method","params":{}}'; } >"$work/body"
frame "$work/body"
memory "after a request with a 10 MiB string id"

{ printf '{"jsonrpc":"2.0","id":3,"method":"workspace/symbol","params":{"query":"'; filler $((60 << 20)); printf '"}}'; } >"$work/body"
frame "$work/body"
memory "after a 60 MiB workspace/symbol request"

{ printf '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///big.txt","languageId":"bitext","version":1,"text":"'
  for _ in $(seq 1 6); do printf '%s\\n' "$(filler $((10 << 20)))"; done
  printf '"}}}'; } >"$work/body"
frame "$work/body"
memory "after opening a 60 MiB document"
body '{"jsonrpc":"2.0","method":"textDocument/didClose","params":{"textDocument":{"uri":"file:///big.txt"}}}'
memory "after closing it"

body '{"jsonrpc":"2.0","id":9,"method":"shutdown"}'
body '{"jsonrpc":"2.0","method":"exit"}'
exec 3>&-
wait "$server" && echo "server exited with status 0" || { echo "server exited with status $?"; exit 1; }
