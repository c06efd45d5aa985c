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

/// The databases a session can be on.
public enum SQLDialect: Sendable {
    case sqlite, postgres

    /// A condition that `column` is `prefix` followed by digits only.
    func digits(after prefix: String, in column: String) -> String {
        switch self {
        case .sqlite: return "\(column) GLOB '\(prefix)[0-9]*' AND SUBSTR(\(column), \(prefix.count + 1)) NOT GLOB '*[^0-9]*'"
        case .postgres: return "\(column) ~ '^\(prefix)[0-9]+$'"
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
    /// Which database: for the few statements the two write differently.
    var dialect: SQLDialect { get }
    /// Runs a statement; returns how many rows it inserted, changed or deleted.
    @discardableResult
    func execute(_ sql: String, _ arguments: [any SQLArgument]) throws -> Int
    /// Every row of a query, each decoded by `decode` while it is read; `cached` keeps the
    /// statement compiled for the next time (not for a text built from varying parts).
    func rows<T>(_ sql: String, _ arguments: [any SQLArgument], cached: Bool, _ decode: (Fields) throws -> T) throws -> [T]
    /// The first row of a query, to keep (nil for none).
    func row(_ sql: String, _ arguments: [any SQLArgument]) throws -> Fields?
}

extension SQLSession {
    /// Every row of a query, each decoded by `decode` while it is read.
    func rows<T>(_ sql: String, _ arguments: [any SQLArgument], _ decode: (Fields) throws -> T) throws -> [T] {
        try rows(sql, arguments, cached: true, decode)
    }

    /// The first row, decoded; nil when there is none.
    func first<T>(_ sql: String, _ arguments: [any SQLArgument] = [], _ decode: (Fields) throws -> T) throws -> T? {
        try rows(sql, arguments, decode).first
    }

    /// `column` of the first row as text (empty text stays text); nil for no row or NULL.
    func text(_ column: String, _ sql: String, _ arguments: [any SQLArgument] = []) throws -> String? {
        try first(sql, arguments) { $0.string(column) } ?? nil
    }

    /// `column` of the first row as a whole number; nil for no row or NULL.
    func integer(_ column: String, _ sql: String, _ arguments: [any SQLArgument] = []) throws -> Int? {
        try first(sql, arguments) { $0.optionalInteger(column) } ?? nil
    }

    /// `column` of every row as text.
    func texts(_ column: String, _ sql: String, _ arguments: [any SQLArgument] = []) throws -> [String] {
        try rows(sql, arguments) { $0.string(column) }.compactMap { $0 }
    }
}

extension Database: SQLSession {
    public var dialect: SQLDialect { .sqlite }

    public func execute(_ sql: String, _ arguments: [any SQLArgument]) throws -> Int {
        try cachedStatement(sql: sql).execute(arguments: Self.statementArguments(arguments))
        return changesCount
    }

    public func row(_ sql: String, _ arguments: [any SQLArgument]) throws -> Fields? {
        try Row.fetchOne(cachedStatement(sql: sql), arguments: Self.statementArguments(arguments)).map { Fields($0) }
    }

    public func rows<T>(_ sql: String, _ arguments: [any SQLArgument], cached: Bool, _ decode: (Fields) throws -> T) throws -> [T] {
        try Records.allSQLite(self, sql, Self.statementArguments(arguments), cached: cached, decode)
    }

    /// The arguments as GRDB takes them. (Built through a closure: GRDB's initialiser for a
    /// sequence of values maps it with a generic key path, instantiated afresh on every call —
    /// a tenth of a background write's time in a profile of the demo.)
    static func statementArguments(_ arguments: [any SQLArgument]) -> StatementArguments {
        StatementArguments(arguments.map { $0.sqlValue.databaseValue as (any DatabaseValueConvertible)? })
    }
}
