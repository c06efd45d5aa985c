import DoorstepDomain
import DoorstepStore
import Foundation
import Logging
import PostgresNIO

/// The store on PostgreSQL: one database for a district's walls, community offices and HTTP
/// services on many machines. It runs the same commands, queries and event log as the SQLite
/// store (`SQLStore`, over `PostgresSession`s) and passes the same conformance suite; its calls
/// block their caller, on a few pooled connections.
///
/// Writes are serialised by one advisory lock, taken at the start of each write transaction
/// and held until it ends — as SQLite's single writer: a race has one winner, who committed
/// before the loser read, so the loser is told who won; and events are numbered in commit
/// order, so a reader following "events after N" never skips one that commits late. Each
/// write announces itself with `NOTIFY` at commit, for walls that listen (`FeedListener`).
public final class PostgresStore: SQLStore, Sendable {
    public typealias Session = PostgresSession
    public var location: PostgresLocation { pool.location }
    public var path: String { pool.location.description }
    public let operatorID: String?
    let pool: ConnectionPool
    let logger: Logger

    init(pool: ConnectionPool, operatorID: String? = nil, logger: Logger) {
        self.pool = pool
        self.operatorID = operatorID
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

    /// The same database, each write checked as done by operator `id`.
    public func acting(as id: String) -> PostgresStore { PostgresStore(pool: pool, operatorID: id, logger: logger) }

    public func checked(as operatorID: String) -> any DoorstepStore { acting(as: operatorID) }

    /// The schema versions the database holds.
    public func schemaVersions() throws -> [Int] {
        try pool.withConnection { connection in
            try connection.answer("SELECT version FROM doorstep_migration ORDER BY version", logger: logger).map { try $0.decode(Int.self) }
        }
    }

    /// Closes the pool's idle connections.
    public func close() { pool.close() }

    public func write<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        try pool.withConnection { connection in
            let session = PostgresSession(connection: connection, logger: logger)
            _ = try connection.answer("BEGIN", logger: logger)
            do {
                _ = try connection.answer("SELECT pg_advisory_xact_lock(\(PostgresSchema.writeLock))", within: RoundTrip.writeTurn, logger: logger)
                let result = try body(session)
                _ = try connection.answer("SELECT pg_notify(\(PostgresSchema.feedChannel), '')", logger: logger)
                _ = try connection.answer("COMMIT", logger: logger)
                return result
            } catch {
                // (a connection the watchdog closed has nothing to roll back: the server ends the session)
                if !connection.isClosed { _ = try? connection.answer("ROLLBACK", logger: logger) }
                throw error
            }
        }
    }

    public func read<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        try pool.withConnection { connection in
            _ = try connection.answer("BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger)
            defer { if !connection.isClosed { _ = try? connection.answer("COMMIT", logger: logger) } }
            return try body(PostgresSession(connection: connection, logger: logger))
        }
    }
}

extension PostgresStore {
    /// Runs one statement on its own, outside any transaction, as `location`'s user (`CREATE
    /// DATABASE` cannot run inside one): for setting up a server, not for the store's data.
    public static func administer(_ sql: String, at location: PostgresLocation, logger: Logger) throws {
        let pool = ConnectionPool(location: location, size: 1, logger: logger)
        defer { pool.close() }
        try pool.withConnection { connection in _ = try connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).wait() }
    }
}
