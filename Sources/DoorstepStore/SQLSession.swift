import Foundation
import GRDB

/// One value a statement takes or a row holds, in the kinds both databases share: nothing, a
/// whole number, a number, text (times are seconds since 1970, as numbers).
public enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    var databaseValue: DatabaseValue {
        switch self {
        case .null: return .null
        case .integer(let value): return value.databaseValue
        case .real(let value): return value.databaseValue
        case .text(let value): return value.databaseValue
        }
    }
}

/// A Swift value a statement can take as an argument.
public protocol SQLArgument {
    var sqlValue: SQLValue { get }
}

extension SQLValue: SQLArgument { public var sqlValue: SQLValue { self } }
extension String: SQLArgument { public var sqlValue: SQLValue { .text(self) } }
extension Int: SQLArgument { public var sqlValue: SQLValue { .integer(Int64(self)) } }
extension Int64: SQLArgument { public var sqlValue: SQLValue { .integer(self) } }
extension Double: SQLArgument { public var sqlValue: SQLValue { .real(self) } }
extension Bool: SQLArgument { public var sqlValue: SQLValue { .integer(self ? 1 : 0) } }
extension Optional: SQLArgument where Wrapped: SQLArgument {
    public var sqlValue: SQLValue { self?.sqlValue ?? .null }
}

/// One connection inside one transaction, as the store's logic uses it, on either database:
/// statements with `?` for their arguments, rows read by column name through `Fields`. SQLite
/// (GRDB's `Database`) and PostgreSQL (`PostgresSession`) both conform, and one test holds them
/// to the same answers; the store's logic moves onto it so that both stores run the same code.
public protocol SQLSession {
    /// Runs a statement; returns how many rows it inserted, changed or deleted.
    @discardableResult
    func execute(_ sql: String, _ arguments: [any SQLArgument]) throws -> Int
    /// Every row of a query, each decoded by `decode` while it is read.
    func rows<T>(_ sql: String, _ arguments: [any SQLArgument], _ decode: (Fields) throws -> T) throws -> [T]
}

extension Database: SQLSession {
    public func execute(_ sql: String, _ arguments: [any SQLArgument]) throws -> Int {
        try cachedStatement(sql: sql).execute(arguments: StatementArguments(arguments.map(\.sqlValue.databaseValue)))
        return changesCount
    }

    public func rows<T>(_ sql: String, _ arguments: [any SQLArgument], _ decode: (Fields) throws -> T) throws -> [T] {
        try Records.all(self, sql, StatementArguments(arguments.map(\.sqlValue.databaseValue)), decode)
    }
}
