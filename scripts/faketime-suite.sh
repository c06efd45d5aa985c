#!/usr/bin/env bash
# Runs the built test suite under faked dates and time zones (Debian's faketime): month and
# year ends, a leap day, a daylight-saving change. Every suite must pass on any date.
#   bash scripts/faketime-suite.sh            # all of them
#   bash scripts/faketime-suite.sh year-end   # one by name
set -euo pipefail
cd "$(dirname "$0")/.."
command -v faketime >/dev/null || { echo "faketime-suite: needs faketime (apt-get install faketime)" >&2; exit 2; }

declare -A when=(
  [month-end]="UTC|@2026-11-30 23:59:50"
  [year-end]="Asia/Shanghai|@2026-12-31 23:59:40"
  [leap-day]="UTC|@2028-02-29 12:00:00"
  [feb-end]="Asia/Shanghai|@2027-02-28 23:59:50"
  [dst-spring]="America/New_York|@2027-03-14 01:59:30"
)
names=("$@")
[ ${#names[@]} -gt 0 ] || names=(month-end year-end leap-day feb-end dst-spring)
for name in "${names[@]}"; do
  spec=${when[$name]:-}
  [ -n "$spec" ] || { echo "faketime-suite: no case '$name' (known: ${!when[*]})" >&2; exit 64; }
  zone=${spec%%|*}; instant=${spec#*|}
  echo "faketime-suite: $name ($instant, TZ=$zone)"
  TZ=$zone faketime -f "$instant" swift test --skip-build
done
