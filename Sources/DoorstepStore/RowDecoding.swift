import Foundation
import GRDB

/// Reading columns without trapping: another writer may have stored anything, and a bad
/// value must become an error that names the table, the row and the column.
/// One row's columns by name. Rows of a query decoded in bulk share the column positions,
/// looked up once for the query: GRDB's lookup by name compares case-insensitively and
/// lowercases on every value, which was a sixth of loading a city.
struct Fields {
    let row: Row
    /// The query's column names in order (a row's few names are found faster by comparing
    /// than by hashing).
    let positions: [String]?

    init(_ row: Row, positions: [String]? = nil) {
        self.row = row
        self.positions = positions
    }

    func value(_ column: String) -> DatabaseValue {
        if let index = positions?.firstIndex(of: column) { return row[index] }
        return row[column]
    }

    /// The column as `T`, nil for NULL. Rows of a bulk query read straight from the statement
    /// (SQLite converts between storage classes as its column functions do); others through a
    /// `DatabaseValue`, which refuses a value of the wrong kind.
    private func typed<T: DatabaseValueConvertible & StatementColumnConvertible>(_ column: String, as type: T.Type) -> T? {
        if let index = positions?.firstIndex(of: column) { return row[index] as T? }
        return T.fromDatabaseValue(value(column))
    }

    func text(_ column: String, in place: @autoclosure () -> String) throws -> String {
        guard let value = typed(column, as: String.self) else {
            throw StoreError.corrupt("\(place()): column \(column) is not text")
        }
        return value
    }

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

extension Records {
    /// Every row of a query decoded by `decode`, stepping a cursor (no copy of the rows is
    /// held) with the column positions looked up once.
    static func all<T>(_ db: Database, _ sql: String, _ decode: (Fields) throws -> T) throws -> [T] {
        try all(db, sql, StatementArguments(), decode)
    }

    /// The statement is kept compiled on the connection (`cached`) unless the caller builds
    /// its text from varying parts.
    static func all<T>(_ db: Database, _ sql: String, _ arguments: StatementArguments, cached: Bool = true,
                       _ decode: (Fields) throws -> T) throws -> [T] {
        let statement = cached ? try db.cachedStatement(sql: sql) : try db.makeStatement(sql: sql)
        let cursor = try Row.fetchCursor(statement, arguments: arguments)
        var positions: [String]?
        var out: [T] = []
        while let row = try cursor.next() {
            let known = positions ?? Array(row.columnNames)
            positions = known
            out.append(try decode(Fields(row, positions: known)))
        }
        return out
    }
}
