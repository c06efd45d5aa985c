/// Why the store cannot be used just now, as far as the person watching needs to know it to
/// act (issue #18): the store says which, the wall's header names it beside "data stale".
public enum StorageFault: String, Sendable, CaseIterable {
    /// The disk holding the database is full (磁盘已满).
    case diskFull
    /// The database is on a read-only file system.
    case readOnly
    /// Another process holds the write lock past the wait.
    case locked
    /// The file is damaged, or is not a database.
    case damaged
    /// The path now names another file (a copy restored over it): restart to open it.
    case replaced
    /// The file was deleted.
    case deleted
    /// The database server does not answer (PostgreSQL).
    case unreachable
}
