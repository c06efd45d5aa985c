import Foundation
import SwiftCSV

/// One CSV file exported from a spreadsheet: a header row, then records addressed by column
/// name. Accepts a UTF-8 byte-order mark; refuses other encodings with a message that says so.
struct CSVTable {
    let file: String
    let header: [String]
    let records: [Record]

    /// A data row with its line number in the file.
    struct Record {
        let file: String
        let line: Int
        let fields: [String: String]

        /// The trimmed value of `column`; an error naming file, line and column when it is empty.
        func required(_ column: String) throws -> String {
            let value = optional(column)
            guard !value.isEmpty else { throw SeedError(file: file, line: line, "column '\(column)' is empty") }
            return value
        }

        /// The trimmed value of `column`, or "" when absent.
        func optional(_ column: String) -> String {
            (fields[column] ?? "").trimmingCharacters(in: .whitespaces)
        }

        /// A whole number, with an error naming file, line and column otherwise.
        func integer(_ column: String) throws -> Int {
            let text = try required(column)
            guard let value = Int(text) else {
                throw SeedError(file: file, line: line, "column '\(column)': '\(text)' is not a whole number")
            }
            return value
        }

        /// A value of a string-backed enum, listing the accepted spellings when it is not one.
        func choice<E: RawRepresentable & CaseIterable>(_ column: String, as type: E.Type) throws -> E where E.RawValue == String {
            let text = try required(column)
            guard let value = E(rawValue: text) else {
                let accepted = E.allCases.map(\.rawValue).joined(separator: ", ")
                throw SeedError(file: file, line: line, "column '\(column)': '\(text)' is not one of \(accepted)")
            }
            return value
        }

        /// A time of day `HH:MM`, in minutes after midnight.
        func timeOfDay(_ column: String) throws -> Int {
            let text = try required(column)
            let parts = text.split(separator: ":")
            guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m) else {
                throw SeedError(file: file, line: line, "column '\(column)': '\(text)' is not a time HH:MM")
            }
            return h * 60 + m
        }
    }

    /// Parses `data` (the bytes of `file`), requiring every column in `columns`.
    init(file: String, data: Data, columns: [String]) throws {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw SeedError(
                file: file,
                "is not UTF-8 (a GBK/GB18030 export?); save it from the spreadsheet as \"CSV UTF-8\" and try again")
        }
        try self.init(file: file, text: text, columns: columns)
    }

    init(file: String, text: String, columns: [String]) throws {
        // Parse the header only, then walk the raw rows: the library pads short rows, and a
        // short row is an error the office must hear about.
        let csv: EnumeratedCSV
        var rows: [[String]] = []
        do {
            csv = try EnumeratedCSV(string: text, delimiter: .comma, loadColumns: false, rowLimit: 1)
            try csv.enumerateAsArray(startAt: 1, rowLimit: nil) { rows.append($0) }
        } catch {
            throw SeedError(file: file, "cannot be read as CSV: \(error)")
        }
        let header = csv.header.map { $0.trimmingCharacters(in: .whitespaces) }
        for column in columns where !header.contains(column) {
            throw SeedError(file: file, line: 1, "missing column '\(column)' (header has: \(header.joined(separator: ", ")))")
        }
        var records: [Record] = []
        var line = 1 + header.reduce(0) { $0 + $1.filter(\.isNewline).count }
        for row in rows {
            line += 1
            defer { line += row.reduce(0) { $0 + $1.filter(\.isNewline).count } }  // quoted line breaks
            if row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            guard row.count == header.count else {
                throw SeedError(file: file, line: line, "has \(row.count) fields, the header has \(header.count)")
            }
            records.append(Record(file: file, line: line, fields: Dictionary(zip(header, row), uniquingKeysWith: { a, _ in a })))
        }
        self.file = file
        self.header = header
        self.records = records
    }
}
