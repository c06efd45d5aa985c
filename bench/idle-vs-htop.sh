#!/usr/bin/env bash
# Runs `doorstep demo` (simulator on at its default rate, or DEMO_RATE changes a minute; 1 s refresh), `doorstep wall` over a database nobody
# writes to ("quiet"), and `htop -d 10` side by side, each in its own
# tmux session of the same size, for the same time, and prints for each the CPU seconds it used
# (utime + stime from /proc) and the bytes it wrote to its terminal (recorded through `script`).
#
#   bench/idle-vs-htop.sh [SECONDS] [WIDTHxHEIGHT]      (default 60 and 200x60)
#   DEMO_RATE=60 bench/idle-vs-htop.sh                   (the demo writing a change a second)
#   QUIET_DB=~/.cache/doorstep/bench-city.sqlite bench/idle-vs-htop.sh   (the quiet wall over that database)
#
# Steady state: the counts start WARMUP seconds (default 10) after the programs start.
#
# Needs tmux, htop and script (util-linux); uses .build/release/doorstep (build it first).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
size=${2:-200x60}
width=${size%x*}
height=${size#*x}
binary=$PWD/.build/release/doorstep
[ -x "$binary" ] || { echo "build first: swift build -c release --product doorstep" >&2; exit 1; }
command -v htop >/dev/null || { echo "htop is not installed (apt-get install htop)" >&2; exit 1; }
work=$(mktemp -d)
socket="doorstep-bench-$$"
# `script` keeps its program on a terminal of its own, so closing tmux does not end them:
# stop the programs and their recorders by name (their command lines hold $work)
cleanup() {
  tmux -L "$socket" kill-server 2>/dev/null || true
  pkill -f -- "$work/" 2>/dev/null || true
  for pid in ${doorstep_pid:-} ${quiet_pid:-} ${htop_pid:-}; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# each program runs under `script`, which records every byte it writes to the terminal
start() {  # name, command
  tmux -L "$socket" -f /dev/null new-session -d -s "$1" -x "$width" -y "$height" \
    "env LANG=C.UTF-8 TERM=tmux-256color DOORSTEP_ACTOR=${DOORSTEP_ACTOR:-duty} script -qfc '$2' $work/$1.typescript"
}
quiet_db=${QUIET_DB:-$work/quiet.sqlite}
[ -n "${QUIET_DB:-}" ] || "$binary" init --db "$quiet_db" >/dev/null  # the demo street, with nobody writing to it
start doorstep "$binary demo --refresh 1${DEMO_RATE:+ --rate $DEMO_RATE}"
start quiet "$binary wall --db $quiet_db --refresh 1"
start htop "htop -d 10"
sleep "${WARMUP:-10}"

# the programs themselves (not `script` or the shell around them): the newest of each
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
doorstep_pid=$(pgrep -n -f "^$binary demo")
quiet_pid=$(pgrep -n -f "^$binary wall")
htop_pid=$(pgrep -n -x htop)
[ -n "$doorstep_pid" ] && [ -n "$quiet_pid" ] && [ -n "$htop_pid" ] || { echo "could not find all three processes" >&2; exit 1; }
d0=$(ticks "$doorstep_pid"); q0=$(ticks "$quiet_pid"); h0=$(ticks "$htop_pid")
db0=$(stat -c %s "$work/doorstep.typescript"); qb0=$(stat -c %s "$work/quiet.typescript"); hb0=$(stat -c %s "$work/htop.typescript")
sleep "$seconds"
d1=$(ticks "$doorstep_pid"); q1=$(ticks "$quiet_pid"); h1=$(ticks "$htop_pid")
db1=$(stat -c %s "$work/doorstep.typescript"); qb1=$(stat -c %s "$work/quiet.typescript"); hb1=$(stat -c %s "$work/htop.typescript")
hz=$(getconf CLK_TCK)

printf '%-10s %12s %16s   (%s s at %s after %s s; demo at %s changes a minute; quiet over %s)\n' program cpu_seconds terminal_bytes \
  "$seconds" "$size" "${WARMUP:-10}" "${DEMO_RATE:-12}" "${QUIET_DB:-the demo street}"
printf '%-10s %12.2f %16d\n' doorstep "$(echo "($d1 - $d0) / $hz" | bc -l)" $((db1 - db0))
printf '%-10s %12.2f %16d\n' quiet "$(echo "($q1 - $q0) / $hz" | bc -l)" $((qb1 - qb0))
printf '%-10s %12.2f %16d\n' htop "$(echo "($h1 - $h0) / $hz" | bc -l)" $((hb1 - hb0))
