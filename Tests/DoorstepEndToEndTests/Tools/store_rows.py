"""The rows of a query against a test's store, read-only: a SQLite file through sqlite3, or a
postgresql:// URL through psql's JSON (any text survives it, tabs and newlines too).
Shared by hostile-http.py and stored-check.py."""
import json
import sqlite3
import subprocess


def is_postgres(db):
    return db.startswith("postgresql://") or db.startswith("postgres://")


def rows(db, sql):
    """The rows of `sql` as tuples, in the order of its columns."""
    if not is_postgres(db):
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10) as connection:
            return [tuple(row) for row in connection.execute(sql).fetchall()]
    out = subprocess.run(["psql", db, "-At", "-v", "ON_ERROR_STOP=1", "-c", f"SELECT coalesce(json_agg(q), '[]') FROM ({sql}) q"],
                         capture_output=True, text=True, check=True).stdout
    return [tuple(row.values()) for row in json.loads(out)]
