#!/usr/bin/env python3
"""After writers were killed (issue #18): is every acknowledged write there, and none half done?

    acked-check.py DB ACKED PREFIX

DB is a SQLite file or a postgresql:// URL (read with psql). ACKED holds a line per write a
writer acknowledged: "ordered ID TITLE" (a command exited 0, or the service answered 201) or
"dispatched ID". PREFIX starts the titles of the test's tickets. Prints "integrity ok" (SQLite's
integrity check; "integrity n/a" on PostgreSQL), a line per problem, and "checked N".
"""
import sqlite3
import subprocess
import sys

DB, ACKED, PREFIX = sys.argv[1], sys.argv[2], sys.argv[3]
POSTGRES = DB.startswith("postgresql://") or DB.startswith("postgres://")


def rows(sql, params=()):
    if not POSTGRES:
        return [tuple(row) for row in connection.execute(sql, params).fetchall()]
    # (psql has no parameters for -c: the values here are the test's own ids and titles)
    for value in params:
        sql = sql.replace("?", "'" + str(value).replace("'", "''") + "'", 1)
    out = subprocess.run(["psql", DB, "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-c", sql], capture_output=True, text=True, check=True).stdout
    return [tuple(line.split("\t")) for line in out.splitlines() if line]


if not POSTGRES:
    connection = sqlite3.connect(DB)
    print("integrity", connection.execute("PRAGMA integrity_check").fetchone()[0])
else:
    print("integrity n/a")

# (read once: a query per acknowledged write through psql took seconds)
tickets = {row[0]: (row[1], row[2]) for row in rows(f"SELECT id, title, state FROM ticket WHERE title LIKE '{PREFIX}%'")}
inside = f"(SELECT id FROM ticket WHERE title LIKE '{PREFIX}%')"
ordered = dict(rows(f"SELECT subject, count(*) FROM event WHERE kind = 'ticket.ordered' AND subject IN {inside} GROUP BY subject"))
moves = dict(rows(f"SELECT ticket, count(*) FROM ticket_transition WHERE ticket IN {inside} GROUP BY ticket"))
events = dict(rows(f"SELECT subject, count(*) FROM event WHERE kind LIKE 'ticket.%' AND kind != 'ticket.ordered' AND subject IN {inside} GROUP BY subject"))

for line in open(ACKED).read().split("\n"):
    if not line:
        continue
    parts = line.split()
    ticket = tickets.get(parts[1])
    if parts[0] == "ordered":
        if ticket is None or ticket[0] != parts[2]:
            print("lost order", line, ticket)
        if int(ordered.get(parts[1], 0)) != 1:
            print("order without its event", line)
    elif ticket is None or ticket[1] != "dispatched":
        print("lost dispatch", line, ticket)

# no half-done write: each ticket of the test has its order's event, each transition its event
for ticket in tickets:
    if int(ordered.get(ticket, 0)) != 1:
        print("half-done order", ticket)
    if int(moves.get(ticket, 0)) != int(events.get(ticket, 0)):
        print("half-done move", ticket, moves.get(ticket, 0), events.get(ticket, 0))
print("checked", len(tickets))
