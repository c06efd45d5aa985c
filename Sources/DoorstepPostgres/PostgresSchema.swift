import Logging
import PostgresNIO

/// The PostgreSQL schema, as numbered migrations like the SQLite store's: each applied once,
/// in its own transaction, recorded in `doorstep_migration`, all of them under one advisory
/// lock so that two processes starting together do not race (the second waits, then finds
/// nothing left to do).
enum PostgresSchema {
    /// The advisory lock migrations run under ("doorstep" in ASCII).
    static let migrationLock: Int64 = 0x646F_6F72_7374_6570
    /// The advisory lock every write transaction takes until it ends (see `PostgresStore`).
    static let writeLock: Int64 = 0x646F_6F72_7374_6571
    /// The channel a commit's events are announced on (`NOTIFY`), for walls that listen.
    static let feedChannel = "doorstep_feed"

    struct Migration: Sendable {
        var version: Int
        var name: String
        var statements: [String]
    }

    static let migrations: [Migration] = [
        Migration(version: 1, name: "the event log (the change feed)", statements: [
            """
            CREATE TABLE event (
                seq BIGSERIAL PRIMARY KEY, at DOUBLE PRECISION NOT NULL, kind TEXT NOT NULL,
                subject TEXT NOT NULL, actor TEXT NOT NULL, detail TEXT NOT NULL, grid TEXT)
            """,
        ]),
        // The SQLite store's tables as its 21 migrations leave them, in one step (REAL as DOUBLE
        // PRECISION, INTEGER as BIGINT, AUTOINCREMENT as BIGSERIAL); a test holds the two to the
        // same tables and columns.
        Migration(version: 2, name: "the territory, people, tickets, calls, care, places, alarms and credentials", statements: [
            "CREATE TABLE street (code TEXT PRIMARY KEY, name TEXT NOT NULL, duty_start BIGINT NOT NULL, duty_end BIGINT NOT NULL)",
            "CREATE TABLE subdistrict (code TEXT PRIMARY KEY, name TEXT NOT NULL, district TEXT NOT NULL DEFAULT '', position BIGINT NOT NULL)",
            "CREATE TABLE community (code TEXT PRIMARY KEY, name TEXT NOT NULL, position BIGINT NOT NULL, subdistrict TEXT REFERENCES subdistrict(code))",
            "CREATE TABLE grid (code TEXT PRIMARY KEY, community TEXT NOT NULL REFERENCES community(code), name TEXT NOT NULL, position BIGINT NOT NULL)",
            "CREATE TABLE microgrid (code TEXT PRIMARY KEY, grid TEXT NOT NULL REFERENCES grid(code), name TEXT NOT NULL, chief TEXT)",
            """
            CREATE TABLE building (code TEXT PRIMARY KEY, grid TEXT NOT NULL REFERENCES grid(code),
                microgrid TEXT NOT NULL REFERENCES microgrid(code), name TEXT NOT NULL, chief TEXT)
            """,
            """
            CREATE TABLE household (id TEXT PRIMARY KEY, building TEXT NOT NULL REFERENCES building(code), grid TEXT NOT NULL,
                name TEXT NOT NULL, phone TEXT NOT NULL, must_visit TEXT NOT NULL)
            """,
            "CREATE INDEX household_grid ON household(grid)",
            "CREATE INDEX household_must_visit ON household(must_visit) WHERE must_visit != ''",
            """
            CREATE TABLE staff (id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, grid TEXT, community TEXT,
                phone TEXT NOT NULL, duty TEXT NOT NULL, team TEXT, shift_start BIGINT NOT NULL, shift_end BIGINT NOT NULL,
                position BIGINT NOT NULL)
            """,
            "CREATE INDEX staff_grid ON staff(grid)",
            "CREATE INDEX staff_position ON staff(position, id)",
            """
            CREATE TABLE category (code TEXT PRIMARY KEY, name_zh TEXT NOT NULL, name_en TEXT NOT NULL,
                dispatch_minutes BIGINT NOT NULL, accept_minutes BIGINT NOT NULL, resolve_minutes BIGINT NOT NULL, position BIGINT NOT NULL)
            """,
            """
            CREATE TABLE ticket (id TEXT PRIMARY KEY, grid TEXT NOT NULL REFERENCES grid(code),
                category TEXT NOT NULL REFERENCES category(code), source TEXT NOT NULL, priority TEXT NOT NULL,
                state TEXT NOT NULL, title TEXT NOT NULL, resident_name TEXT NOT NULL, resident_phone TEXT NOT NULL,
                created_at DOUBLE PRECISION NOT NULL, state_since DOUBLE PRECISION NOT NULL, assignee TEXT,
                resolution_note TEXT, rating BIGINT, dispatched_at DOUBLE PRECISION, accepted_at DOUBLE PRECISION, channel TEXT)
            """,
            "CREATE INDEX ticket_created ON ticket(created_at)",
            "CREATE INDEX ticket_state_since ON ticket(state_since)",
            "CREATE INDEX ticket_open ON ticket(state) WHERE state IN ('ordered', 'dispatched', 'accepted', 'escalated')",
            "CREATE INDEX ticket_outcome ON ticket(state, state_since)",
            """
            CREATE TABLE ticket_transition (id BIGSERIAL PRIMARY KEY, ticket TEXT NOT NULL REFERENCES ticket(id),
                from_state TEXT NOT NULL, to_state TEXT NOT NULL, action TEXT NOT NULL, actor TEXT NOT NULL,
                at DOUBLE PRECISION NOT NULL, detail TEXT NOT NULL)
            """,
            "CREATE INDEX ticket_transition_ticket ON ticket_transition(ticket)",
            "CREATE TABLE visit (id TEXT PRIMARY KEY, household TEXT NOT NULL REFERENCES household(id), staff TEXT NOT NULL, at DOUBLE PRECISION NOT NULL)",
            "CREATE INDEX visit_at ON visit(at)",
            """
            CREATE TABLE hazard (id TEXT PRIMARY KEY, grid TEXT NOT NULL REFERENCES grid(code), kind TEXT NOT NULL,
                severity TEXT NOT NULL, status TEXT NOT NULL, title TEXT NOT NULL, opened_at DOUBLE PRECISION NOT NULL)
            """,
            "CREATE TABLE counter (name TEXT PRIMARY KEY, value BIGINT NOT NULL)",
            """
            CREATE TABLE party_org (code TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, community TEXT, grid TEXT,
                building TEXT, parent TEXT, position BIGINT NOT NULL)
            """,
            """
            CREATE TABLE party_member (id TEXT PRIMARY KEY, name TEXT NOT NULL, phone TEXT NOT NULL, org TEXT NOT NULL REFERENCES party_org(code),
                post TEXT NOT NULL, building TEXT, functional TEXT, staff TEXT, position BIGINT NOT NULL)
            """,
            """
            CREATE TABLE "call" (id TEXT PRIMARY KEY, staff TEXT NOT NULL, grid TEXT, placed_by TEXT NOT NULL,
                placed_at DOUBLE PRECISION NOT NULL, state TEXT NOT NULL, state_since DOUBLE PRECISION NOT NULL,
                escalated_from TEXT REFERENCES "call"(id))
            """,
            """
            CREATE TABLE service_point (code TEXT PRIMARY KEY, level TEXT NOT NULL, name TEXT NOT NULL, community TEXT, grid TEXT,
                hours TEXT NOT NULL, services TEXT NOT NULL, position BIGINT NOT NULL)
            """,
            """
            CREATE TABLE department (code TEXT PRIMARY KEY, name_zh TEXT NOT NULL, name_en TEXT NOT NULL, answer_hours BIGINT NOT NULL,
                position BIGINT NOT NULL)
            """,
            """
            CREATE TABLE responder (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, department TEXT NOT NULL REFERENCES department(code),
                phone TEXT NOT NULL, community TEXT, position BIGINT NOT NULL)
            """,
            """
            CREATE TABLE call_in (id TEXT PRIMARY KEY, ticket TEXT NOT NULL REFERENCES ticket(id), responder TEXT NOT NULL REFERENCES responder(id),
                requested_by TEXT NOT NULL, requested_at DOUBLE PRECISION NOT NULL, due_at DOUBLE PRECISION NOT NULL, state TEXT NOT NULL,
                state_since DOUBLE PRECISION NOT NULL, note TEXT)
            """,
            "CREATE INDEX call_in_ticket ON call_in(ticket)",
            "CREATE INDEX call_in_pending ON call_in(state) WHERE state IN ('requested', 'arrived')",
            "CREATE INDEX call_in_requested ON call_in(requested_at)",
            """
            CREATE TABLE care_plan (id TEXT PRIMARY KEY, household TEXT NOT NULL REFERENCES household(id), grid TEXT NOT NULL, person TEXT NOT NULL,
                care_group TEXT NOT NULL, goal TEXT NOT NULL, state TEXT NOT NULL, state_since DOUBLE PRECISION NOT NULL,
                ordered_at DOUBLE PRECISION NOT NULL, social_worker TEXT, review_on DOUBLE PRECISION NOT NULL, ticket TEXT, closing_note TEXT)
            """,
            "CREATE INDEX care_plan_state ON care_plan(state)",
            "CREATE INDEX care_plan_grid ON care_plan(grid)",
            """
            CREATE TABLE care_service (id TEXT PRIMARY KEY, plan TEXT NOT NULL REFERENCES care_plan(id), name TEXT NOT NULL, times BIGINT NOT NULL,
                period TEXT NOT NULL, started_at DOUBLE PRECISION NOT NULL, last_done DOUBLE PRECISION)
            """,
            "CREATE INDEX care_service_plan ON care_service(plan)",
            """
            CREATE TABLE care_record (id TEXT PRIMARY KEY, service TEXT NOT NULL REFERENCES care_service(id), staff TEXT NOT NULL,
                at DOUBLE PRECISION NOT NULL, note TEXT)
            """,
            "CREATE INDEX care_record_service ON care_record(service)",
            """
            CREATE TABLE four_clears (household TEXT PRIMARY KEY REFERENCES household(id),
                family TEXT, family_at DOUBLE PRECISION, category TEXT, category_at DOUBLE PRECISION, needs TEXT, needs_at DOUBLE PRECISION,
                hazards TEXT, hazards_at DOUBLE PRECISION, expiry DOUBLE PRECISION)
            """,
            """
            CREATE TABLE key_place (code TEXT PRIMARY KEY, grid TEXT NOT NULL REFERENCES grid(code), name TEXT NOT NULL, kind TEXT NOT NULL,
                contact TEXT NOT NULL, phone TEXT NOT NULL, position BIGINT NOT NULL)
            """,
            """
            CREATE TABLE place_visit (id TEXT PRIMARY KEY, place TEXT NOT NULL REFERENCES key_place(code), staff TEXT NOT NULL,
                at DOUBLE PRECISION NOT NULL, note TEXT)
            """,
            "CREATE INDEX place_visit_at ON place_visit(at)",
            """
            CREATE TABLE operator (id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, community TEXT, grid TEXT, staff TEXT, login TEXT,
                position BIGINT NOT NULL)
            """,
            "CREATE INDEX operator_login ON operator(login)",
            """
            CREATE TABLE alarm (id TEXT PRIMARY KEY, grid TEXT NOT NULL REFERENCES grid(code), raised_at DOUBLE PRECISION NOT NULL,
                reasons TEXT NOT NULL, acknowledged_by TEXT, acknowledged_at DOUBLE PRECISION, cleared_at DOUBLE PRECISION,
                escalated_at DOUBLE PRECISION)
            """,
            "CREATE UNIQUE INDEX alarm_standing ON alarm(grid) WHERE cleared_at IS NULL",
            "CREATE INDEX alarm_raised ON alarm(raised_at)",
            """
            CREATE TABLE credential (id TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('key', 'token')), channel TEXT, operator TEXT,
                hash TEXT NOT NULL, issued_by TEXT NOT NULL, issued_at DOUBLE PRECISION NOT NULL, revoked_at DOUBLE PRECISION,
                CHECK ((kind = 'key') = (channel IS NOT NULL)), CHECK ((kind = 'token') = (operator IS NOT NULL)))
            """,
            """
            CREATE TABLE idempotency (channel TEXT NOT NULL, key TEXT NOT NULL, ticket TEXT NOT NULL REFERENCES ticket(id),
                at DOUBLE PRECISION NOT NULL, PRIMARY KEY (channel, key))
            """,
        ]),
        // the event log by time: reports of a day or a week, replay from an instant (SQLite's v22)
        Migration(version: 3, name: "events by time", statements: ["CREATE INDEX event_at ON event(at)"]),
        // 交接班 (SQLite's v23)
        Migration(version: 4, name: "handovers", statements: [
            """
            CREATE TABLE handover (id TEXT PRIMARY KEY, at DOUBLE PRECISION NOT NULL, desk TEXT NOT NULL, from_operator TEXT NOT NULL,
                to_operator TEXT NOT NULL, note TEXT NOT NULL, summary TEXT NOT NULL)
            """,
            "CREATE INDEX handover_desk ON handover(desk, at)",
        ]),
        // what a change held before: a person's duty (SQLite's v24)
        Migration(version: 5, name: "events' prior values", statements: ["ALTER TABLE event ADD COLUMN prior TEXT"]),
    ]

    /// Applies the migrations `connection`'s database lacks; returns the versions applied.
    static func migrate(_ connection: PostgresConnection, logger: Logger) throws -> [Int] {
        func run(_ sql: String) throws -> PostgresQueryResult {
            try connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).wait()
        }
        // a schema already current is only read: a database that takes no writes (a standby, or
        // one set read-only) still opens for walls and readers
        if try run("SELECT to_regclass('doorstep_migration') IS NOT NULL").map({ try $0.decode(Bool.self) }).first == true {
            let applied = Set(try run("SELECT version FROM doorstep_migration").map { try $0.decode(Int.self) })
            if migrations.allSatisfy({ applied.contains($0.version) }) { return [] }
        }
        _ = try run("SELECT pg_advisory_lock(\(migrationLock))")
        defer { _ = try? run("SELECT pg_advisory_unlock(\(migrationLock))") }
        _ = try run("""
            CREATE TABLE IF NOT EXISTS doorstep_migration (
                version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())
            """)
        let applied = Set(try run("SELECT version FROM doorstep_migration").map { try $0.decode(Int.self) })
        var done: [Int] = []
        for migration in migrations where !applied.contains(migration.version) {
            _ = try run("BEGIN")
            do {
                for statement in migration.statements { _ = try run(statement) }
                _ = try connection.query("INSERT INTO doorstep_migration (version, name) VALUES (\(migration.version), \(migration.name))",
                                         logger: logger).wait()
                _ = try run("COMMIT")
            } catch {
                _ = try? run("ROLLBACK")
                throw error
            }
            done.append(migration.version)
        }
        return done
    }
}
