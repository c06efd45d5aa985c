import Foundation

/// A store on a SQL database: the commands, queries and the change feed written once, over the
/// `SQLSession`s its database lends (SQLite's `SQLiteStore`, PostgreSQL's `PostgresStore`), so
/// both stores run the same checks, the same statements and the same event log, and pass the
/// same conformance suite. A conforming store provides the transactions and where it is.
public protocol SQLStore: DoorstepStore, BulkLoading, CredentialDirectory, ServiceQueries, OrderHistory {
    associatedtype Session: SQLSession
    /// Where the store is, for messages (a file's path, a server's URL without its password).
    var path: String { get }
    /// The operator every write is checked as (nil: the store's own tools, not checked).
    var operatorID: String? { get }
    /// The same store, each write checked as done by operator `id` (who must exist when the
    /// write happens: an operator removed meanwhile is refused).
    func acting(as id: String) -> Self
    /// Runs `body` in one write transaction, which takes the store's write lock before it
    /// reads: committed when it returns, rolled back when it throws; database errors become
    /// `StoreError.unavailable`.
    func write<T>(_ body: (Session) throws -> T) throws -> T
    /// Runs `body` on one consistent snapshot.
    func read<T>(_ body: (Session) throws -> T) throws -> T
}
