import Foundation
import GRDB
import GRDBSQLite

/// Reading columns without trapping: another writer may have stored anything, and a bad
/// value must become an error that names the table, the row and the column.
/// One row's columns by name. Rows of a query decoded in bulk share a `ColumnPlan`, which
/// finds each column once for the query: GRDB's lookup by name compares case-insensitively and
/// lowercases on every value (a sixth of loading a city), and even a search of the names costs
/// a slow string comparison for every name that does not match.
public struct Fields {
    let row: Row?
    let plan: ColumnPlan?
    /// Another database's row, in the plan's column order (a PostgreSQL store's rows).
    let values: [DatabaseValue]?
    /// The statement the row is stepping (bulk queries): its columns are read with SQLite's
    /// own functions, each text by its length (GRDB measures it again with `strlen` and goes
    /// through a protocol for each value: most of the time a city's load spent decoding).
    let statement: SQLiteStatement?

    init(_ row: Row, plan: ColumnPlan? = nil, statement: SQLiteStatement? = nil) {
        self.row = row
        self.plan = plan
        self.statement = statement
        values = nil
    }

    init(values: [DatabaseValue], plan: ColumnPlan) {
        row = nil
        self.plan = plan
        self.values = values
        statement = nil
    }

    /// The column's value; NULL when the query did not select it (GRDB stops the program on a
    /// missing column: here a required one is reported as unreadable, an optional one is nil).
    func value(_ column: String) -> DatabaseValue {
        if let index = plan?.index(of: column) { return values?[index] ?? row?[index] ?? .null }
        guard let row, row.hasColumn(column) else { return .null }
        return row[column]
    }

    /// The column as `T`, nil for NULL. Rows of a bulk query read straight from the statement
    /// (SQLite converts between storage classes as its column functions do); others through a
    /// `DatabaseValue`, which refuses a value of the wrong kind.
    private func typed<T: DirectColumn>(_ column: String, as type: T.Type) -> T? {
        if let index = plan?.index(of: column) {
            if let values { return T.fromDatabaseValue(values[index]) }
            guard let statement else { return row?[index] as T? }
            let position = Int32(index)
            return sqlite3_column_type(statement, position) == SQLITE_NULL ? nil : T(statement, position)
        }
        return T.fromDatabaseValue(value(column))
    }

    func text(_ column: String, in place: @autoclosure () -> String) throws -> String {
        guard let value = typed(column, as: String.self) else {
            throw StoreError.corrupt("\(place()): column \(column) is not text")
        }
        return value
    }

    /// The column's value as stored, in the kinds both databases share (a blob as its bytes' text).
    func stored(_ column: String) -> SQLValue {
        switch value(column).storage {
        case .null: return .null
        case .int64(let number): return .integer(number)
        case .double(let number): return .real(number)
        case .string(let text): return .text(text)
        case .blob(let data): return .text(String(decoding: data, as: UTF8.self))
        }
    }

    /// The column as text, as stored (empty text too); nil for NULL.
    func string(_ column: String) -> String? { typed(column, as: String.self) }

    func optionalText(_ column: String) -> String? {
        typed(column, as: String.self).flatMap { $0.isEmpty ? nil : $0 }
    }

    func optionalInteger(_ column: String) -> Int? {
        typed(column, as: Int.self)
    }

    func optionalDate(_ column: String) -> Date? {
        typed(column, as: Double.self).map { Date(timeIntervalSince1970: $0) }
    }

    func integer(_ column: String, in place: @autoclosure () -> String) throws -> Int {
        guard let value = typed(column, as: Int.self) else {
            throw StoreError.corrupt("\(place()): column \(column) is not a whole number")
        }
        return value
    }

    func date(_ column: String, in place: @autoclosure () -> String) throws -> Date {
        guard let value = typed(column, as: Double.self) else {
            throw StoreError.corrupt("\(place()): column \(column) is not a time")
        }
        return Date(timeIntervalSince1970: value)
    }

    func choice<E: RawRepresentable>(_ column: String, as type: E.Type, in place: @autoclosure () -> String) throws -> E
    where E.RawValue == String {
        let raw = try text(column, in: place())
        guard let value = E(rawValue: raw) else { throw StoreError.corrupt("\(place()): column \(column) has '\(raw)'") }
        return value
    }
}

extension Row {
    var fields: Fields { Fields(self) }
}

/// The rows of one query from another database, each as `Fields`, with the columns found once
/// for the query (a GRDB row built from a dictionary looks a column up by lowercasing names:
/// a fifth of a city's first frame on PostgreSQL). One reader per query, on one thread.
public struct RowReader {
    let plan: ColumnPlan

    /// For a query whose rows have these columns, in this order.
    public init(names: [String]) { plan = ColumnPlan(names: names) }

    /// One row, its values in the names' order.
    public func fields(_ values: [SQLValue]) -> Fields {
        plan.startRow()
        return Fields(values: values.map(\.databaseValue), plan: plan)
    }
}

extension Records {
    /// Every row of a query without arguments decoded by `decode`, on either database.
    static func all<T>(_ db: some SQLSession, _ sql: String, _ decode: (Fields) throws -> T) throws -> [T] {
        try db.rows(sql, [], cached: true, decode)
    }

    /// Every row of a query decoded by `decode`, on either database.
    static func all<T>(_ db: some SQLSession, _ sql: String, _ arguments: [any SQLArgument] = [], cached: Bool = true,
                       _ decode: (Fields) throws -> T) throws -> [T] {
        try db.rows(sql, arguments, cached: cached, decode)
    }

    /// SQLite's way: stepping a cursor (no copy of the rows is held) with the column positions
    /// looked up once. The statement is kept compiled on the connection (`cached`) unless the
    /// caller builds its text from varying parts.
    static func allSQLite<T>(_ db: Database, _ sql: String, _ arguments: StatementArguments, cached: Bool = true,
                             _ decode: (Fields) throws -> T) throws -> [T] {
        let statement = cached ? try db.cachedStatement(sql: sql) : try db.makeStatement(sql: sql)
        let plan = ColumnPlan(names: statement.columnNames)
        let cursor = try Row.fetchCursor(statement, arguments: arguments)
        let sqlite = statement.sqliteStatement
        var out: [T] = []
        while let row = try cursor.next() {
            plan.startRow()
            out.append(try decode(Fields(row, plan: plan, statement: sqlite)))
        }
        return out
    }
}

extension Records {
    /// Every row of a query (with no ORDER BY) decoded by `decode`, in the order of `key`
    /// (ties in the table's order), sorted here rather than by SQLite: a table read in its own
    /// order needs no lookup through an index for each row and no temporary B-tree, and its
    /// rows nearly always come in `key` order already (they were inserted in it), so the sort
    /// is then one check.
    static func all<T, K: Comparable>(_ db: some SQLSession, _ sql: String, orderedBy key: (Fields) throws -> K,
                                      _ decode: (Fields) throws -> T) throws -> [T] {
        var keys: [K] = []
        let items = try all(db, sql) { row in
            keys.append(try key(row))
            return try decode(row)
        }
        if !keys.indices.dropFirst().contains(where: { keys[$0] < keys[$0 - 1] }) { return items }
        return keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }.map { items[$0] }
    }

    /// The order of a row's `position` column.
    static func position(_ row: Fields) -> Int { row.optionalInteger("position") ?? 0 }

    /// The order of a row's `position` column, ties by `id`.
    static func positionThenID(_ row: Fields) -> PositionThenID {
        PositionThenID(position: row.optionalInteger("position") ?? 0, id: row.optionalText("id") ?? "")
    }

    /// The order of a row's `code` column.
    static func code(_ row: Fields) -> String { row.optionalText("code") ?? "" }
}

/// A row's place in a list kept in data-set order.
struct PositionThenID: Comparable {
    let position: Int
    let id: String

    static func < (a: Self, b: Self) -> Bool { (a.position, a.id) < (b.position, b.id) }
}

/// A value read straight from a stepping statement's column (not NULL: the caller checks),
/// converted between storage classes as SQLite's column functions do.
protocol DirectColumn: DatabaseValueConvertible & StatementColumnConvertible {
    init(_ statement: SQLiteStatement, _ index: Int32)
}

extension String: DirectColumn {
    init(_ statement: SQLiteStatement, _ index: Int32) {
        // the text first, then its length (the order SQLite asks for)
        guard let text = sqlite3_column_text(statement, index) else { self = ""; return }
        self = String(decoding: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(statement, index))), as: UTF8.self)
    }
}

extension Int: DirectColumn {
    init(_ statement: SQLiteStatement, _ index: Int32) { self = Int(sqlite3_column_int64(statement, index)) }
}

extension Double: DirectColumn {
    init(_ statement: SQLiteStatement, _ index: Int32) { self = sqlite3_column_double(statement, index) }
}

/// Where a query's columns are, learnt from its first row: a decoder asks for the same columns
/// in the same order on every row, so the n-th question of a row is answered by the n-th
/// answer of the first, after one comparison of equal names (which is quick); a question out
/// of order is answered by a search, and remembered.
final class ColumnPlan {
    let names: [String]
    // raw storage: these are read for every column of every row, and a class's own stored
    // variables would each pay a run-time exclusivity check
    private let answers: UnsafeMutablePointer<Int>
    private let capacity: Int
    /// [0]: questions asked in this row; [1]: answers learnt (the first rows' questions in order)
    private let counts: UnsafeMutablePointer<Int>

    init(names: [String]) {
        self.names = names
        capacity = max(1, names.count * 2)
        answers = .allocate(capacity: capacity)
        counts = .allocate(capacity: 2)
        counts.initialize(repeating: 0, count: 2)
    }

    deinit {
        answers.deallocate()
        counts.deallocate()
    }

    func startRow() { counts[0] = 0 }

    func index(of column: String) -> Int? {
        let n = counts[0]
        counts[0] = n + 1
        if n < counts[1] {
            let known = answers[n]
            if names[known] == column { return known }
        }
        guard let found = names.firstIndex(of: column) else { return nil }
        if n < capacity, n <= counts[1] {
            answers[n] = found
            if n == counts[1] { counts[1] = n + 1 }
        }
        return found
    }
}
