#!/usr/bin/env python3
"""What commands stored (HostileInputEndToEndTests.commands): the store's integrity (SQLite),
each ordered ticket against the text it was ordered with, then the count of tickets.

    stored-check.py DB '[["T00076", "text"], …]'
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from store_rows import is_postgres, rows  # noqa: E402

db = sys.argv[1]
print("integrity", "n/a" if is_postgres(db) else rows(db, "PRAGMA integrity_check")[0][0])
for id, text in json.loads(sys.argv[2]):
    assert id.isalnum(), id
    row = rows(db, f"SELECT title, resident_name, resident_phone, state FROM ticket WHERE id = '{id}'")
    if row != [(text, text, text[:30], "cancelled")]:
        print("changed", id, row)
    reasons = [d for (d,) in rows(db, f"SELECT detail FROM ticket_transition WHERE ticket = '{id}' AND to_state = 'cancelled'")]
    if not any(text in (d or "") for d in reasons):
        print("reason lost", id, reasons)
print("tickets", rows(db, "SELECT count(*) FROM ticket")[0][0])
