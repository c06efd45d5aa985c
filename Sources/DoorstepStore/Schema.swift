import GRDB

/// The database schema as named, append-only migrations (never edit a shipped one: add the
/// next). Times are REAL seconds since 1970; enumerations are stored as their raw strings.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: street, people, tickets, calls, event log") { db in
            try db.execute(sql: """
                CREATE TABLE street (
                    code TEXT PRIMARY KEY, name TEXT NOT NULL,
                    duty_start INTEGER NOT NULL, duty_end INTEGER NOT NULL);
                CREATE TABLE community (
                    code TEXT PRIMARY KEY, name TEXT NOT NULL, position INTEGER NOT NULL);
                CREATE TABLE grid (
                    code TEXT PRIMARY KEY, community TEXT NOT NULL REFERENCES community(code),
                    name TEXT NOT NULL, position INTEGER NOT NULL);
                CREATE TABLE microgrid (
                    code TEXT PRIMARY KEY, grid TEXT NOT NULL REFERENCES grid(code), name TEXT NOT NULL, chief TEXT);
                CREATE TABLE building (
                    code TEXT PRIMARY KEY, grid TEXT NOT NULL REFERENCES grid(code),
                    microgrid TEXT NOT NULL REFERENCES microgrid(code), name TEXT NOT NULL, chief TEXT);
                CREATE TABLE household (
                    id TEXT PRIMARY KEY, building TEXT NOT NULL REFERENCES building(code), grid TEXT NOT NULL,
                    name TEXT NOT NULL, phone TEXT NOT NULL, must_visit TEXT NOT NULL);
                CREATE TABLE staff (
                    id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, grid TEXT, community TEXT,
                    phone TEXT NOT NULL, duty TEXT NOT NULL, team TEXT,
                    shift_start INTEGER NOT NULL, shift_end INTEGER NOT NULL, position INTEGER NOT NULL);
                CREATE INDEX staff_grid ON staff(grid);
                CREATE TABLE category (
                    code TEXT PRIMARY KEY, name_zh TEXT NOT NULL, name_en TEXT NOT NULL,
                    dispatch_minutes INTEGER NOT NULL, accept_minutes INTEGER NOT NULL,
                    resolve_minutes INTEGER NOT NULL, position INTEGER NOT NULL);
                CREATE TABLE ticket (
                    id TEXT PRIMARY KEY, grid TEXT NOT NULL REFERENCES grid(code),
                    category TEXT NOT NULL REFERENCES category(code), source TEXT NOT NULL, priority TEXT NOT NULL,
                    state TEXT NOT NULL, title TEXT NOT NULL, resident_name TEXT NOT NULL, resident_phone TEXT NOT NULL,
                    created_at REAL NOT NULL, state_since REAL NOT NULL, assignee TEXT,
                    resolution_note TEXT, rating INTEGER);
                CREATE INDEX ticket_state ON ticket(state);
                CREATE INDEX ticket_created ON ticket(created_at);
                CREATE TABLE ticket_transition (
                    id INTEGER PRIMARY KEY AUTOINCREMENT, ticket TEXT NOT NULL REFERENCES ticket(id),
                    from_state TEXT NOT NULL, to_state TEXT NOT NULL, action TEXT NOT NULL,
                    actor TEXT NOT NULL, at REAL NOT NULL, detail TEXT NOT NULL);
                CREATE INDEX ticket_transition_ticket ON ticket_transition(ticket);
                CREATE TABLE visit (
                    id TEXT PRIMARY KEY, household TEXT NOT NULL REFERENCES household(id),
                    staff TEXT NOT NULL, at REAL NOT NULL);
                CREATE INDEX visit_at ON visit(at);
                CREATE TABLE hazard (
                    id TEXT PRIMARY KEY, grid TEXT NOT NULL REFERENCES grid(code), kind TEXT NOT NULL,
                    severity TEXT NOT NULL, status TEXT NOT NULL, title TEXT NOT NULL, opened_at REAL NOT NULL);
                CREATE TABLE call (
                    id TEXT PRIMARY KEY, staff TEXT NOT NULL REFERENCES staff(id), grid TEXT,
                    placed_by TEXT NOT NULL, placed_at REAL NOT NULL, state TEXT NOT NULL, state_since REAL NOT NULL);
                CREATE TABLE event (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT, at REAL NOT NULL, kind TEXT NOT NULL,
                    subject TEXT NOT NULL, actor TEXT NOT NULL, detail TEXT NOT NULL);
                """)
        }
        migrator.registerMigration("v2: call escalation chain") { db in
            try db.execute(sql: "ALTER TABLE call ADD COLUMN escalated_from TEXT REFERENCES call(id)")
        }
        migrator.registerMigration("v3: when tickets were dispatched and accepted") { db in
            try db.execute(sql: """
                ALTER TABLE ticket ADD COLUMN dispatched_at REAL;
                ALTER TABLE ticket ADD COLUMN accepted_at REAL;
                """)
        }
        migrator.registerMigration("v4: index for the wall's working set of tickets") { db in
            try db.execute(sql: "CREATE INDEX ticket_state_since ON ticket(state_since)")
        }
        migrator.registerMigration("v5: id counters") { db in
            try db.execute(sql: "CREATE TABLE counter (name TEXT PRIMARY KEY, value INTEGER NOT NULL)")
        }
        migrator.registerMigration("v6: streets under a district or city centre") { db in
            try db.execute(sql: """
                CREATE TABLE subdistrict (
                    code TEXT PRIMARY KEY, name TEXT NOT NULL, district TEXT NOT NULL DEFAULT '', position INTEGER NOT NULL);
                ALTER TABLE community ADD COLUMN subdistrict TEXT REFERENCES subdistrict(code);
                CREATE INDEX household_must_visit ON household(must_visit) WHERE must_visit != '';
                """)
        }
        migrator.registerMigration("v7: index for the month's ratings") { db in
            try db.execute(sql: "CREATE INDEX ticket_state_state_since ON ticket(state, state_since)")
        }
        migrator.registerMigration("v8: index for loading staff in order") { db in
            // without it a city's 96,000 staff are sorted in a temporary tree on every load
            try db.execute(sql: "CREATE INDEX staff_position ON staff(position, id)")
        }
        migrator.registerMigration("v9: the Party chain and its members") { db in
            try db.execute(sql: """
                CREATE TABLE party_org (
                    code TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, community TEXT, grid TEXT,
                    building TEXT, parent TEXT, position INTEGER NOT NULL);
                CREATE TABLE party_member (
                    id TEXT PRIMARY KEY, name TEXT NOT NULL, phone TEXT NOT NULL, org TEXT NOT NULL REFERENCES party_org(code),
                    post TEXT NOT NULL, building TEXT, functional TEXT, staff TEXT, position INTEGER NOT NULL);
                """)
        }
        migrator.registerMigration("v10: calls to Party members as well as staff") { db in
            // the callee is staff or a Party member, so the column no longer references staff
            // alone (SQLite changes a constraint by rebuilding the table)
            try db.execute(sql: """
                CREATE TABLE call_new (
                    id TEXT PRIMARY KEY, staff TEXT NOT NULL, grid TEXT,
                    placed_by TEXT NOT NULL, placed_at REAL NOT NULL, state TEXT NOT NULL, state_since REAL NOT NULL,
                    escalated_from TEXT REFERENCES call_new(id));
                INSERT INTO call_new (id, staff, grid, placed_by, placed_at, state, state_since, escalated_from)
                    SELECT id, staff, grid, placed_by, placed_at, state, state_since, escalated_from FROM call;
                DROP TABLE call;
                ALTER TABLE call_new RENAME TO call;
                """)
        }
        migrator.registerMigration("v11: the Party-and-people service network") { db in
            try db.execute(sql: """
                CREATE TABLE service_point (
                    code TEXT PRIMARY KEY, level TEXT NOT NULL, name TEXT NOT NULL, community TEXT, grid TEXT,
                    hours TEXT NOT NULL, services TEXT NOT NULL, position INTEGER NOT NULL);
                """)
        }
        migrator.registerMigration("v12: departments, outside parties and their call-ins on tickets") { db in
            try db.execute(sql: """
                CREATE TABLE department (
                    code TEXT PRIMARY KEY, name_zh TEXT NOT NULL, name_en TEXT NOT NULL, answer_hours INTEGER NOT NULL,
                    position INTEGER NOT NULL);
                CREATE TABLE responder (
                    id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, department TEXT NOT NULL REFERENCES department(code),
                    phone TEXT NOT NULL, community TEXT, position INTEGER NOT NULL);
                CREATE TABLE call_in (
                    id TEXT PRIMARY KEY, ticket TEXT NOT NULL REFERENCES ticket(id), responder TEXT NOT NULL REFERENCES responder(id),
                    requested_by TEXT NOT NULL, requested_at REAL NOT NULL, due_at REAL NOT NULL, state TEXT NOT NULL,
                    state_since REAL NOT NULL, note TEXT);
                CREATE INDEX call_in_ticket ON call_in(ticket);
                CREATE INDEX call_in_pending ON call_in(state) WHERE state IN ('requested', 'arrived');
                CREATE INDEX call_in_requested ON call_in(requested_at);
                """)
        }
        migrator.registerMigration("v13: care plans and their services") { db in
            try db.execute(sql: """
                CREATE TABLE care_plan (
                    id TEXT PRIMARY KEY, household TEXT NOT NULL REFERENCES household(id), grid TEXT NOT NULL, person TEXT NOT NULL,
                    care_group TEXT NOT NULL, goal TEXT NOT NULL, state TEXT NOT NULL, state_since REAL NOT NULL,
                    ordered_at REAL NOT NULL, social_worker TEXT, review_on REAL NOT NULL, ticket TEXT, closing_note TEXT);
                CREATE INDEX care_plan_state ON care_plan(state);
                CREATE INDEX care_plan_grid ON care_plan(grid);
                CREATE TABLE care_service (
                    id TEXT PRIMARY KEY, plan TEXT NOT NULL REFERENCES care_plan(id), name TEXT NOT NULL, times INTEGER NOT NULL,
                    period TEXT NOT NULL, started_at REAL NOT NULL, last_done REAL);
                CREATE INDEX care_service_plan ON care_service(plan);
                CREATE TABLE care_record (
                    id TEXT PRIMARY KEY, service TEXT NOT NULL REFERENCES care_service(id), staff TEXT NOT NULL, at REAL NOT NULL,
                    note TEXT);
                CREATE INDEX care_record_service ON care_record(service);
                """)
        }
        migrator.registerMigration("v14: the four clears of each household") { db in
            try db.execute(sql: """
                CREATE TABLE four_clears (
                    household TEXT PRIMARY KEY REFERENCES household(id),
                    family TEXT, family_at REAL, category TEXT, category_at REAL, needs TEXT, needs_at REAL, hazards TEXT, hazards_at REAL,
                    expiry REAL);
                CREATE INDEX household_grid ON household(grid);
                """)
        }
        migrator.registerMigration("v15: key places and their visits") { db in
            try db.execute(sql: """
                CREATE TABLE key_place (
                    code TEXT PRIMARY KEY, grid TEXT NOT NULL REFERENCES grid(code), name TEXT NOT NULL, kind TEXT NOT NULL,
                    contact TEXT NOT NULL, phone TEXT NOT NULL, position INTEGER NOT NULL);
                CREATE TABLE place_visit (
                    id TEXT PRIMARY KEY, place TEXT NOT NULL REFERENCES key_place(code), staff TEXT NOT NULL, at REAL NOT NULL, note TEXT);
                CREATE INDEX place_visit_at ON place_visit(at);
                """)
        }
        // The wall's two big reads answered from an index alone, without a lookup in the table
        // for each row (a city's open tickets and a month's outcomes, among two million: a
        // third of its load): the open tickets whole in a partial index of their own, the
        // outcomes' columns after state and time (which replace the two indexes they begin with)
        migrator.registerMigration("v16: covering indexes for the open tickets and the outcomes") { db in
            try db.execute(sql: """
                CREATE INDEX ticket_open ON ticket(
                    state, id, grid, category, source, priority, title, resident_name, resident_phone, created_at, state_since,
                    assignee, resolution_note, rating, dispatched_at, accepted_at)
                    WHERE \(SQLiteStore.openTicketCondition);
                CREATE INDEX ticket_outcome ON ticket(state, state_since, id, dispatched_at, accepted_at, rating);
                DROP INDEX IF EXISTS ticket_state_state_since;
                DROP INDEX IF EXISTS ticket_state;
                """)
        }
        migrator.registerMigration("v17: operators with a role and a scope") { db in
            try db.execute(sql: """
                CREATE TABLE operator (
                    id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, community TEXT, grid TEXT, staff TEXT, login TEXT,
                    position INTEGER NOT NULL);
                CREATE INDEX operator_login ON operator(login);
                """)
        }
        // where each change happened, so a community's or a grid's terminal follows its own
        migrator.registerMigration("v18: the grid of each event") { db in
            try db.execute(sql: "ALTER TABLE event ADD COLUMN grid TEXT")
        }
        // a grid's alarms, each raised once, acknowledged by someone, cleared, escalated
        migrator.registerMigration("v19: alarms") { db in
            try db.execute(sql: """
                CREATE TABLE alarm (
                    id TEXT PRIMARY KEY, grid TEXT NOT NULL REFERENCES grid(code), raised_at REAL NOT NULL, reasons TEXT NOT NULL,
                    acknowledged_by TEXT, acknowledged_at REAL, cleared_at REAL, escalated_at REAL);
                CREATE UNIQUE INDEX alarm_standing ON alarm(grid) WHERE cleared_at IS NULL;
                CREATE INDEX alarm_raised ON alarm(raised_at);
                """)
        }
        // the HTTP service's doors: channels' API keys and operators' tokens, kept as hashes
        migrator.registerMigration("v20: credentials") { db in
            try db.execute(sql: """
                CREATE TABLE credential (
                    id TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('key', 'token')), channel TEXT, operator TEXT,
                    hash TEXT NOT NULL, issued_by TEXT NOT NULL, issued_at REAL NOT NULL, revoked_at REAL,
                    CHECK ((kind = 'key') = (channel IS NOT NULL)), CHECK ((kind = 'token') = (operator IS NOT NULL)));
                """)
        }
        // a channel's retried POST (the same Idempotency-Key) makes one ticket, not two; and the
        // channel an order came through, which alone may rate it
        migrator.registerMigration("v21: idempotency keys") { db in
            try db.execute(sql: """
                CREATE TABLE idempotency (
                    channel TEXT NOT NULL, key TEXT NOT NULL, ticket TEXT NOT NULL REFERENCES ticket(id), at REAL NOT NULL,
                    PRIMARY KEY (channel, key));
                ALTER TABLE ticket ADD COLUMN channel TEXT;
                """)
        }
        // the event log by time: reports of a day or a week, replay from an instant
        migrator.registerMigration("v22: events by time") { db in
            try db.execute(sql: "CREATE INDEX event_at ON event(at)")
        }
        // 交接班: who handed the desk to whom, when, with a note and what the shift inherited (JSON)
        migrator.registerMigration("v23: handovers") { db in
            try db.execute(sql: """
                CREATE TABLE handover (
                    id TEXT PRIMARY KEY, at REAL NOT NULL, desk TEXT NOT NULL, from_operator TEXT NOT NULL,
                    to_operator TEXT NOT NULL, note TEXT NOT NULL, summary TEXT NOT NULL);
                CREATE INDEX handover_desk ON handover(desk, at);
                """)
        }
        // what a change held before (a person's duty): a replay knows the duty before the next change
        migrator.registerMigration("v24: events' prior values") { db in
            try db.execute(sql: "ALTER TABLE event ADD COLUMN prior TEXT")
        }
        return migrator
    }
}
