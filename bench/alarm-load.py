#!/usr/bin/env python3
"""Makes a copy of a city database in which the grids not yet in alarm enter it one after
another, RATE a second, from START seconds after the copy is made: each such grid gets one open
ticket whose deadline to dispatch falls at its instant. Run a wall over the copy to measure what
alarms entering cost it (bench/quiet-wall.sh):

    bench/alarm-load.py SOURCE COPY [START [RATE]]      (defaults: 30 s, 3 a second)

Needs python3 (its sqlite3 module); the source is read, never written.
"""
import os
import sqlite3
import sys
import time

if len(sys.argv) < 3:
    sys.exit(__doc__)
source, copy = sys.argv[1], sys.argv[2]
start = float(sys.argv[3]) if len(sys.argv) > 3 else 30
rate = float(sys.argv[4]) if len(sys.argv) > 4 else 3
if not os.path.exists(source):
    sys.exit(f"{source}: no such database")
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(copy + suffix):
        os.remove(copy + suffix)
with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src, sqlite3.connect(copy) as dst:
    src.backup(dst)
db = sqlite3.connect(copy)
quiet = [row[0] for row in db.execute(
    "SELECT code FROM grid WHERE code NOT IN (SELECT grid FROM alarm WHERE cleared_at IS NULL) ORDER BY code")]
limits = dict(db.execute("SELECT code, dispatch_minutes FROM category"))
first = time.time() + start
count = 0
for grid in quiet:
    row = db.execute("SELECT id, category FROM ticket WHERE grid = ? AND state IN ('ordered', 'dispatched', 'accepted', 'escalated') LIMIT 1",
                     (grid,)).fetchone()
    if not row:
        continue
    due = first + count / rate
    db.execute("UPDATE ticket SET state = 'ordered', state_since = ? WHERE id = ?", (due - limits[row[1]] * 60, row[0]))
    count += 1
db.commit()
db.close()
print(f"{count} grids enter alarm from {time.strftime('%H:%M:%S', time.localtime(first))}, {rate:g} a second")
