import DoorstepDomain
import DoorstepStore
import Foundation
import Logging
import PostgresNIO

/// The store on PostgreSQL: one database for a district's walls, community offices and HTTP
/// services on many machines. Its calls block their caller, like the SQLite store's, on a few
/// pooled connections; every change is a short transaction that also appends to the event log.
///
/// Built so far: the location (URL, password from the environment or `.pgpass`), the pool,
/// the schema's migrations under an advisory lock, and the change feed, whose order is the
/// order of commits (see `append`). The territory, people and lifecycle tables follow, to pass
/// the same conformance suite as the SQLite store.
public final class PostgresStore: Sendable {
    public var location: PostgresLocation { pool.location }
    let pool: ConnectionPool
    let logger: Logger

    init(pool: ConnectionPool, logger: Logger) {
        self.pool = pool
        self.logger = logger
    }

    /// Connects to `location` and brings its schema up to date (creating it in an empty
    /// database); `poolSize` connections at most at once.
    public static func open(_ location: PostgresLocation, poolSize: Int = 4, patience: TimeInterval = 10, logger: Logger) throws -> PostgresStore {
        let pool = ConnectionPool(location: location, size: poolSize, patience: patience, logger: logger)
        let store = PostgresStore(pool: pool, logger: logger)
        let applied = try pool.withConnection { try PostgresSchema.migrate($0, logger: logger) }
        if !applied.isEmpty { logger.notice("postgres schema migrated", metadata: ["versions": "\(applied)", "location": "\(location)"]) }
        return store
    }

    /// The schema versions the database holds.
    public func schemaVersions() throws -> [Int] {
        try pool.withConnection { connection in
            try connection.query("SELECT version FROM doorstep_migration ORDER BY version", logger: logger).wait().map { try $0.decode(Int.self) }
        }
    }

    /// Closes the pool's idle connections.
    public func close() { pool.close() }

    /// Runs `body` in one transaction on one connection: committed when it returns, rolled back when it throws.
    func transaction<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try pool.withConnection { connection in
            _ = try connection.query("BEGIN", logger: logger).wait()
            do {
                let result = try body(connection)
                _ = try connection.query("COMMIT", logger: logger).wait()
                return result
            } catch {
                _ = try? connection.query("ROLLBACK", logger: logger).wait()
                throw error
            }
        }
    }

    /// Runs `body` on a connection in a read-only transaction (one snapshot for all it reads).
    func read<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try pool.withConnection { connection in
            _ = try connection.query("BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger).wait()
            defer { _ = try? connection.query("COMMIT", logger: logger).wait() }
            return try body(connection)
        }
    }
}
