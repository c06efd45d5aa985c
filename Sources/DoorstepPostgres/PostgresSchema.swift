import Logging
import PostgresNIO

/// The PostgreSQL schema, as numbered migrations like the SQLite store's: each applied once,
/// in its own transaction, recorded in `doorstep_migration`, all of them under one advisory
/// lock so that two processes starting together do not race (the second waits, then finds
/// nothing left to do).
enum PostgresSchema {
    /// The advisory lock migrations run under ("doorstep" in ASCII).
    static let migrationLock: Int64 = 0x646F_6F72_7374_6570
    /// The advisory lock every event append takes until its transaction ends (see `PostgresStore.append`).
    static let feedLock: Int64 = 0x646F_6F72_7374_6571
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
    ]

    /// Applies the migrations `connection`'s database lacks; returns the versions applied.
    static func migrate(_ connection: PostgresConnection, logger: Logger) throws -> [Int] {
        func run(_ sql: String) throws -> PostgresQueryResult {
            try connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).wait()
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
