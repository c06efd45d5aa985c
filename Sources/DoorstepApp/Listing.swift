import DoorstepCanvas
import Foundation

/// One listed object: keys in a fixed set, absent values written as JSON null (scripts rely
/// on every key being there).
public typealias ListingRow = [(key: String, value: Any?)]

/// Rows as one JSON array, or as a table of `columns` aligned by display columns.
public func listing(_ rows: [ListingRow], json: Bool, columns: [String]) throws -> String {
    if json {
        let objects = rows.map { row in
            Dictionary(row.map { ($0.key, $0.value ?? NSNull()) }, uniquingKeysWith: { a, _ in a })
        }
        let data = try JSONSerialization.data(withJSONObject: objects, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
    func text(_ value: Any?) -> String {
        switch value {
        case nil: return "-"
        case let list as [String]: return list.joined(separator: ",")
        case let some?: return "\(some)"
        }
    }
    let cells = [columns] + rows.map { row in columns.map { column in text(row.first { $0.key == column }?.value ?? nil) } }
    let widths = columns.indices.map { i in cells.map { DisplayWidth.of($0[i]) }.max() ?? 0 }
    return cells.map { row in
        row.enumerated().map { i, cell in i == row.count - 1 ? cell : Columns.pad(cell, to: widths[i]) }.joined(separator: "  ")
    }.joined(separator: "\n")
}
