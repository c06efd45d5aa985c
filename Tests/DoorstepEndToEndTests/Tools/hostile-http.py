#!/usr/bin/env python3
"""Hostile clients against a running `doorstep serve` (issue #18), one JSON line per check.

    hostile-http.py HOST PORT API_KEY DISPATCHER_TOKEN WORKER_TOKEN DB IDLE_SECONDS

Each line is {"check": name, "ok": true|false, "detail": text}; the Swift test
(HostileInputEndToEndTests) asserts every check is ok and reads the counts of the last line.
DB is a SQLite file (read with sqlite3) or a postgresql:// URL (read with psql).
Only the standard library (http.client, socket, threading) and store_rows.py beside it.
"""
import http.client
import json
import os
import re
import socket
import sys
import threading
import time
import urllib.parse

HOST, PORT, KEY, DISPATCHER, WORKER, DB, IDLE = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6], float(sys.argv[7])
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import store_rows  # noqa: E402

OPEN311 = "/open311/v2"
POSTGRES = store_rows.is_postgres(DB)

# SQL injection strings (SQLite's and PostgreSQL's dialects), stored and read back as text
INJECTIONS = [
    "'; DROP TABLE ticket; --",
    "Robert'); DROP TABLE event;--",
    "\" OR 1=1 --",
    "' OR '1'='1",
    "1; DELETE FROM ticket WHERE 1=1",
    "'); UPDATE ticket SET state='closed'; --",
    "$1; SELECT pg_sleep(10); --",
    "%' UNION SELECT key_hash FROM credential --",
    "\\'; ATTACH DATABASE '/tmp/x.db' AS x; --",
]


def report(check, ok, detail=""):
    print(json.dumps({"check": check, "ok": bool(ok), "detail": str(detail)[:300]}, ensure_ascii=False), flush=True)


def request(method, path, body=None, headers=None):
    connection = http.client.HTTPConnection(HOST, PORT, timeout=10)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict((k.lower(), v) for k, v in response.getheaders()), response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def form(fields):
    return urllib.parse.urlencode(fields).encode(), {"Content-Type": "application/x-www-form-urlencoded"}


def rows(sql):
    return store_rows.rows(DB, sql)


def literal(value):
    """A value the test made itself (a ticket's id) as SQL: refused unless plain."""
    assert re.fullmatch(r"[A-Za-z0-9_-]+", value), value
    return f"'{value}'"


def counts():
    return {table: rows(f"SELECT count(*) FROM {table}")[0][0] for table in ("ticket", "ticket_transition", "event", "credential")}


def raw(payload, read_timeout=5):
    """Sends raw bytes; the status line answered (or what happened)."""
    with socket.create_connection((HOST, PORT), timeout=read_timeout) as s:
        s.sendall(payload)
        try:
            answer = s.recv(200)
        except socket.timeout:
            return "timeout"
        except ConnectionResetError:
            return "reset"
        return answer.split(b"\r\n")[0].decode("latin-1") if answer else "closed"


def methods():
    for method, path in [("PUT", f"{OPEN311}/requests.json"), ("DELETE", f"{OPEN311}/requests.json"), ("PATCH", f"{OPEN311}/services.json"),
                         ("DELETE", "/api/v1/tickets/T00001/accept"), ("PUT", "/api/v1/duty"), ("POST", "/healthz")]:
        status, headers, body = request(method, path)
        report(f"method {method} {path}", status == 405 and "allow" in headers and method not in headers["allow"], f"{status} allow={headers.get('allow')} {body}")


def content_types():
    for path, kind, body in [(f"{OPEN311}/requests.json", "text/plain", b"service_code=care"),
                             (f"{OPEN311}/requests.json", "application/json", b'{"service_code":"care"}'),
                             (f"{OPEN311}/requests.json", "multipart/form-data; boundary=x", b"--x--"),
                             ("/api/v1/duty", "application/x-www-form-urlencoded", b"duty=on")]:
        status, _, answer = request("POST", path, body, {"Content-Type": kind, "Authorization": f"Bearer {WORKER}"})
        report(f"content type {kind} to {path}", status == 415, f"{status} {answer}")
    status, _, answer = request("POST", f"{OPEN311}/requests.json", b"service_code=care")  # no type at all
    report("no content type", status == 415, f"{status} {answer}")


def oversized():
    big = b"description=" + b"a" * 40_000
    status, _, answer = request("POST", f"{OPEN311}/requests.json", big, {"Content-Type": "application/x-www-form-urlencoded"})
    report("40 KB form, length declared", status == 413, f"{status} {answer}")
    # chunked: no length declared, refused when the limit is passed
    connection = http.client.HTTPConnection(HOST, PORT, timeout=10)
    connection.request("POST", f"{OPEN311}/requests.json", body=iter([b"description=", b"b" * 20_000, b"c" * 20_000]),
                       headers={"Content-Type": "application/x-www-form-urlencoded"}, encode_chunked=True)
    response = connection.getresponse()
    report("40 KB form, chunked", response.status == 413, response.status)
    connection.close()
    status, _, answer = request("POST", "/api/v1/duty", b'{"duty":"' + b"x" * 40_000 + b'"}',
                                {"Content-Type": "application/json", "Authorization": f"Bearer {WORKER}"})
    report("40 KB JSON to the grid end", status == 413, f"{status} {answer[:100]}")
    line = raw(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Flood: " + b"h" * 200_000 + b"\r\n\r\n")
    report("200 KB header", line.startswith("HTTP/1.1 4") or line in ("closed", "reset"), line)
    line = raw(b"GET /" + b"p" * 100_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    report("100 KB path", line.startswith("HTTP/1.1 4") or line in ("closed", "reset"), line)


def malformed():
    cases = [
        ("form with bad percent-encoding", "POST", f"{OPEN311}/requests.json", b"api_key=%ZZ&service_code=care", "application/x-www-form-urlencoded"),
        ("form not UTF-8", "POST", f"{OPEN311}/requests.json", b"description=\xff\xfe\xc3", "application/x-www-form-urlencoded"),
        ("JSON not an object", "POST", "/api/v1/duty", b"[1,2,3]", "application/json"),
        ("JSON cut short", "POST", "/api/v1/duty", b'{"duty": "on"', "application/json"),
        ("JSON a wrong type", "POST", "/api/v1/duty", b'{"duty": 17}', "application/json"),
        ("JSON a number for a state", "POST", "/api/v1/duty", b'{"state": 17}', "application/json", '\\"state\\" must be a string'),
        ("JSON a number for a worker", "POST", "/api/v1/duty", b'{"state": "on", "staff": 5}', "application/json", '\\"staff\\" must be a string'),
        ("JSON a string for a yes or no", "POST", "/api/v1/calls/C00001/answer", b'{"accept": "false"}', "application/json",
         '\\"accept\\" must be true or false'),
        ("JSON nested 1,200 deep", "POST", "/api/v1/visits", b'{"household":' * 1200 + b'1' + b'}' * 1200, "application/json"),
        ("query with bad percent-encoding", "GET", f"{OPEN311}/requests.json?status=%ZZ&start_date=%00", None, None),
        ("a date that is not one", "GET", f"{OPEN311}/requests.json?start_date=yesterday", None, None),
        ("no format", "GET", f"{OPEN311}/requests", None, None),
        ("a request id of quotes", "GET", f"{OPEN311}/requests/" + urllib.parse.quote("T1' OR '1'='1") + ".json", None, None),
    ]
    for name, method, path, body, kind, *said in cases:
        headers = {"Authorization": f"Bearer {WORKER}"}
        if kind:
            headers["Content-Type"] = kind
        status, _, answer = request(method, path, body, headers)
        # (a field of the wrong type is named in the refusal)
        report(name, 400 <= status < 500 and all(text in answer for text in said), f"{status} {answer[:200]}")
    for name, payload in [("a request line of garbage", b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n"),
                          ("HTTP/9.9", b"GET / HTTP/9.9\r\n\r\n"), ("a header without a colon", b"GET /healthz HTTP/1.1\r\nHost x\r\n\r\n")]:
        line = raw(payload)
        report(name, line.startswith("HTTP/1.1 4") or line.startswith("HTTP/1.0 4") or line in ("closed", "reset"), line)


def closed_when_idle(name, payload):
    """Sends `payload` (perhaps nothing), then waits: the server must close the connection
    within a few idle times, answering nothing."""
    start = time.monotonic()
    with socket.create_connection((HOST, PORT), timeout=IDLE * 4 + 10) as s:
        if payload:
            s.sendall(payload)
        try:
            answer = s.recv(100)
        except (socket.timeout, ConnectionResetError) as error:
            answer = repr(error).encode()
    took = time.monotonic() - start
    report(name, answer == b"" and took < IDLE * 3 + 2, f"closed after {took:.1f} s with {answer!r}")


def slow_clients():
    closed_when_idle("headers never finished", b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
    closed_when_idle("a silent connection", b"")
    # a header dribbled a byte at a time, each within the idle time: the whole head is what
    # counts as activity, so it is closed about an idle time after it began
    start = time.monotonic()
    closed = False
    with socket.create_connection((HOST, PORT), timeout=IDLE * 4 + 10) as s:
        s.setblocking(True)
        try:
            for byte in b"GET /healthz HTTP/1.1\r\nX-Slow: " + b"z" * 10_000:
                s.sendall(bytes([byte]))
                time.sleep(min(0.2, IDLE / 4))
                if time.monotonic() - start > IDLE * 4:
                    break
        except (BrokenPipeError, ConnectionResetError):
            closed = True
    took = time.monotonic() - start
    report("a header dribbled", closed and took < IDLE * 3 + 2, f"closed={closed} after {took:.1f} s")
    # while those waited, others are served
    status, _, _ = request("GET", "/healthz")
    report("served beside slow clients", status == 200, status)


def burst():
    """2,000 bad requests from 40 threads at once; every one answered 4xx, none 5xx."""
    statuses = {}
    lock = threading.Lock()
    bad = [("PUT", f"{OPEN311}/requests.json", None, {}),
           ("POST", f"{OPEN311}/requests.json", b"x=1", {"Content-Type": "text/plain"}),
           ("POST", f"{OPEN311}/requests.json", *form({"api_key": "dsk_K9999_" + "0" * 64, "service_code": "care", "description": "x"})),
           ("POST", f"{OPEN311}/requests.json", *form({"api_key": KEY, "service_code": "nope';--", "description": "x", "address_string": "JB01"})),
           ("POST", "/api/v1/tickets/T00001/accept", b"{}", {"Content-Type": "application/json", "Authorization": "Bearer dst_T9999_" + "0" * 64}),
           ("POST", "/api/v1/duty", b"{", {"Content-Type": "application/json", "Authorization": f"Bearer {WORKER}"}),
           ("GET", f"{OPEN311}/requests/T99999.json", None, {}),
           ("GET", "/nowhere", None, {})]

    def worker(n):
        for i in range(50):
            method, path, body, headers = bad[(n + i) % len(bad)]
            try:
                status, _, _ = request(method, path, body, headers)
            except Exception as error:  # noqa: BLE001 — counted, not raised
                status = type(error).__name__
            with lock:
                statuses[status] = statuses.get(status, 0) + 1

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(40)]
    start = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    took = time.monotonic() - start
    answered = sum(v for k, v in statuses.items() if isinstance(k, int) and 400 <= k < 500)
    report("2,000 bad requests from 40 threads", answered == 2000, f"{statuses} in {took:.1f} s")
    status, _, _ = request("GET", "/healthz")
    report("healthy after the burst", status == 200, status)


def injections():
    """Every text field, each string: stored as the text it is, read back as sent; nothing else changes."""
    created = []
    for text in INJECTIONS:
        body, headers = form({"api_key": KEY, "service_code": "convenience", "address_string": "JB01", "description": text,
                              "first_name": text, "phone": text[:30], "email": text})  # (a phone is at most 30 characters)
        status, _, answer = request("POST", f"{OPEN311}/requests.json", body, headers)
        if status != 201:
            report(f"posted {text!r}", False, f"{status} {answer}")
            continue
        ticket = json.loads(answer)[0]["service_request_id"]
        created.append((ticket, text))
        status, _, answer = request("GET", f"{OPEN311}/requests/{ticket}.json")
        read = json.loads(answer)[0]["description"] if status == 200 else None
        report(f"read back {text!r}", read == text, f"{status} {read!r}")
        # as lookups and filters: refused or empty, never an error of the store
        for path in [f"{OPEN311}/requests/{urllib.parse.quote(text, safe='')}.json",
                     f"{OPEN311}/requests.json?service_code={urllib.parse.quote(text)}",
                     f"{OPEN311}/requests.json?service_request_id={urllib.parse.quote(text)}",
                     f"{OPEN311}/services/{urllib.parse.quote(text, safe='')}.json"]:
            status, _, answer = request("GET", path)
            report(f"looked up {text!r}", status == 404 or status == 400 or (status == 200 and answer.strip() == "[]"), f"{path}: {status} {answer[:120]}")
    # the grid end's texts: a dispatch to a grid named by an injection, a resolution note of one
    if created:
        ticket, _ = created[0]
        grid_end = {"Content-Type": "application/json", "Authorization": f"Bearer {DISPATCHER}"}
        status, _, answer = request("POST", f"/api/v1/tickets/{ticket}/dispatch", json.dumps({"grid": INJECTIONS[0]}), grid_end)
        report("dispatch to a grid named by an injection", 400 <= status < 500, f"{status} {answer}")
        status, _, answer = request("POST", f"/api/v1/tickets/{ticket}/dispatch", json.dumps({"grid": "JB01"}), grid_end)
        report("dispatched", status == 200, f"{status} {answer}")
        worker = {"Content-Type": "application/json", "Authorization": f"Bearer {WORKER}"}
        status, _, answer = request("POST", f"/api/v1/tickets/{ticket}/accept", "{}", worker)
        report("accepted", status == 200, f"{status} {answer}")
        status, _, answer = request("POST", f"/api/v1/tickets/{ticket}/resolve", json.dumps({"note": INJECTIONS[1]}), worker)
        report("resolved with a note of an injection", status == 200 and json.loads(answer).get("resolution_note") == INJECTIONS[1], f"{status} {answer}")
    # the store holds each text as sent, in every column it went to
    for ticket, text in created:
        row = rows(f"SELECT title, resident_name, resident_phone FROM ticket WHERE id = {literal(ticket)}")
        report(f"stored {text!r}", row == [(text, text, text[:30])], f"{row!r}")
    if created:
        note = rows(f"SELECT resolution_note FROM ticket WHERE id = {literal(created[0][0])}")
        report("note stored", note == [(INJECTIONS[1],)], note)
    if not POSTGRES:
        report("integrity", rows("PRAGMA integrity_check")[0][0] == "ok", "")
    else:
        # (no integrity check to ask PostgreSQL: every table still there and read whole instead)
        whole = all(rows(f"SELECT count(*) FROM (SELECT * FROM {table}) t")[0][0] >= 0 for table in ("ticket", "ticket_transition", "event", "credential", '"call"'))
        report("integrity", whole, "")
    return len(created)


def hostile_text():
    """Escapes and controls in a description: JSON answers carry them escaped (no raw control
    byte on the wire) and read back as sent; XML answers parse (XML 1.0 cannot carry them)."""
    import xml.dom.minidom
    text = "a\x1b]0;PWNED\x07b\x1b[2J\x01c\u202e\u200bd"
    body, headers = form({"api_key": KEY, "service_code": "convenience", "address_string": "JB01", "description": text})
    status, _, answer = request("POST", f"{OPEN311}/requests.json", body, headers)
    if status != 201:
        report("posted hostile text", False, f"{status} {answer}")
        return 0
    ticket = json.loads(answer)[0]["service_request_id"]
    connection = http.client.HTTPConnection(HOST, PORT, timeout=10)
    connection.request("GET", f"{OPEN311}/requests/{ticket}.json")
    raw_json = connection.getresponse().read()
    connection.close()
    report("JSON: no raw control byte", not any(b < 0x20 for b in raw_json), raw_json[:200])
    report("JSON: read back as sent", json.loads(raw_json)[0]["description"] == text, "")
    connection = http.client.HTTPConnection(HOST, PORT, timeout=10)
    connection.request("GET", f"{OPEN311}/requests/{ticket}.xml")
    raw_xml = connection.getresponse().read()
    connection.close()
    try:
        xml.dom.minidom.parseString(raw_xml)
        report("XML: parses", not any(b < 0x20 and b not in (0x09, 0x0A, 0x0D) for b in raw_xml), raw_xml[:200])
    except Exception as error:  # noqa: BLE001
        report("XML: parses", False, f"{error}: {raw_xml[:200]!r}")
    return 1


before = counts()
methods()
content_types()
oversized()
malformed()
burst()
after_bad = counts()
report("nothing written by bad requests", after_bad == before, f"{before} → {after_bad}")
slow_clients()
made = injections() + hostile_text()
after = counts()
report("the injections made their tickets only", after["ticket"] == before["ticket"] + made and after["credential"] == before["credential"],
       f"{before} → {after}")
print(json.dumps({"summary": True, "injections": made, "before": before, "after": after}), flush=True)
