import Foundation
import GRDB

/// Reading columns without trapping: another writer may have stored anything, and a bad
/// value must become an error that names the table, the row and the column.
extension Row {
    func text(_ column: String, in place: @autoclosure () -> String) throws -> String {
        guard let value = String.fromDatabaseValue(self[column] as DatabaseValue) else {
            throw StoreError.corrupt("\(place()): column \(column) is not text")
        }
        return value
    }

    func optionalText(_ column: String) -> String? {
        String.fromDatabaseValue(self[column] as DatabaseValue).flatMap { $0.isEmpty ? nil : $0 }
    }

    func optionalInteger(_ column: String) -> Int? {
        let value: DatabaseValue = self[column]
        return Int.fromDatabaseValue(value)
    }

    func optionalDate(_ column: String) -> Date? {
        let value: DatabaseValue = self[column]
        guard let seconds = Double.fromDatabaseValue(value) else { return nil }
        return Date(timeIntervalSince1970: seconds)
    }

    func integer(_ column: String, in place: @autoclosure () -> String) throws -> Int {
        guard let value = Int.fromDatabaseValue(self[column] as DatabaseValue) else {
            throw StoreError.corrupt("\(place()): column \(column) is not a whole number")
        }
        return value
    }

    func date(_ column: String, in place: @autoclosure () -> String) throws -> Date {
        guard let value = Double.fromDatabaseValue(self[column] as DatabaseValue) else {
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
