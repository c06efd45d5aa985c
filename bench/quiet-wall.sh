#!/usr/bin/env bash
# The CPU seconds a `doorstep wall --refresh 1` over DB uses in SECONDS, from WARMUP seconds
# after it starts, at 200x60 in tmux; prints its first lines at the end.
#
#   bench/quiet-wall.sh DB [SECONDS] [WARMUP]          (defaults: 60 and 10)
#
# With bench/alarm-load.py, a wall while grids enter alarm:
#   bench/alarm-load.py ~/.cache/doorstep/city-new.sqlite /tmp/load.sqlite 30 3 && bench/quiet-wall.sh /tmp/load.sqlite 60 32
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:?usage: bench/quiet-wall.sh DB [SECONDS] [WARMUP]}
seconds=${2:-60}
binary=${DOORSTEP_BINARY:-$PWD/.build/release/doorstep}  # another build to compare with: DOORSTEP_BINARY=…
[ -x "$binary" ] || { echo "build first: swift build -c release --product doorstep" >&2; exit 1; }
socket="doorstep-quiet-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true' EXIT
tmux -L "$socket" -f /dev/null new-session -d -s wall -x 200 -y 60 \
  "env LANG=C.UTF-8 TERM=tmux-256color DOORSTEP_ACTOR=${DOORSTEP_ACTOR:-duty} $binary wall --db $db --refresh 1"
sleep "${3:-10}"
pid=$(pgrep -n -f "^$binary wall --db $db")
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
t0=$(ticks "$pid")
sleep "$seconds"
t1=$(ticks "$pid")
printf 'wall cpu_seconds %.2f in %s s\n' "$(echo "($t1 - $t0) / $(getconf CLK_TCK)" | bc -l)" "$seconds"
tmux -L "$socket" capture-pane -p -t wall | head -2
