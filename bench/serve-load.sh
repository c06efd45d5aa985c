#!/usr/bin/env bash
# Load on `doorstep serve` with wrk, while a wall polls the same database:
#   sustained POST requests (new tickets, form-encoded as Open311 has them), then
#   GET requests/{id} — each for SECONDS (default 30), 2 threads, CONNECTIONS connections (default 32).
# Prints wrk's figures (requests a second, latency percentiles). Needs wrk and tmux; uses
# .build/release/doorstep and doorstep-server (swift build -c release --product doorstep --product doorstep-server).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
connections=${2:-32}
bin=$PWD/.build/release
[ -x "$bin/doorstep" ] && [ -x "$bin/doorstep-server" ] || { echo "build first: swift build -c release --product doorstep --product doorstep-server" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
work=$(mktemp -d)
socket="doorstep-serve-bench-$$"
cleanup() {
  [ -n "${server_pid:-}" ] && kill -INT "$server_pid" 2>/dev/null || true
  tmux -L "$socket" kill-server 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
db=$work/street.sqlite
"$bin/doorstep" init --db "$db" >/dev/null
key=$(DOORSTEP_ACTOR=duty "$bin/doorstep" key issue --channel hotline --db "$db")
"$bin/doorstep-server" --listen 127.0.0.1:0 --db "$db" --rate-limit 0 >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do grep -q "listening on" "$work/serve.log" && break; sleep 0.1; done
port=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/serve.log" | head -1 | cut -d: -f3)
base="http://127.0.0.1:$port"
# the wall, polling the same database every second
tmux -L "$socket" -f /dev/null new-session -d -s wall -x 200 -y 60 "env LANG=C.UTF-8 TERM=tmux-256color DOORSTEP_ACTOR=duty $bin/doorstep wall --db $db --refresh 1"
cat >"$work/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "api_key=$key&service_code=convenience&description=%E6%A5%BC%E9%81%93%E7%81%AF%E4%B8%8D%E4%BA%AE&address_string=JB01&phone=13800000000"
LUA
echo "== POST /open311/v2/requests.json (${seconds}s, $connections connections, a wall polling)"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$work/post.lua" "$base/open311/v2/requests.json"
id=$(curl -s -d "api_key=$key&service_code=convenience&description=x&address_string=JB01" "$base/open311/v2/requests.json" | grep -o 'T[0-9]\{5,\}' || true)
echo "== GET /open311/v2/requests/$id.json (${seconds}s, $connections connections)"
wrk -t2 -c"$connections" -d"${seconds}s" --latency "$base/open311/v2/requests/$id.json"
echo "== tickets in the database: $(sqlite3 "$db" 'SELECT COUNT(*) FROM ticket' 2>/dev/null || echo '?')"
tmux -L "$socket" capture-pane -p -t wall | head -3
