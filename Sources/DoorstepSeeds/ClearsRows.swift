import DoorstepDomain
import Foundation

/// `four_clears.csv`: what a household's 四清 record says, each facet with how many days ago it
/// was confirmed (empty: not recorded).
enum ClearsRows {
    static let columns = ["household"] + FourClears.Facet.allCases.flatMap { [$0.rawValue, $0.rawValue + "_days_ago"] }

    /// The households with their records attached.
    static func attach(_ rows: [CSVTable.Record], to households: [Household], now: Date) throws -> [Household] {
        let index = Dictionary(households.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var result = households
        var seen: [String: Int] = [:]
        for row in rows {
            let id = try row.required("household")
            guard let i = index[id] else { throw SeedError(file: row.file, line: row.line, "column 'household': no household '\(id)'") }
            if let first = seen[id] { throw SeedError(file: row.file, line: row.line, "household '\(id)' already has its record (line \(first))") }
            seen[id] = row.line
            var entries: [FourClears.Facet: FourClears.Entry] = [:]
            for facet in FourClears.Facet.allCases {
                let column = facet.rawValue + "_days_ago"
                guard let text = DataSet.nonEmpty(row.optional(column)) else { continue }
                guard let days = Double(text), days >= 0 else {
                    throw SeedError(file: row.file, line: row.line, "column '\(column)': '\(text)' is not a number of days")
                }
                entries[facet] = FourClears.Entry(note: row.optional(facet.rawValue), confirmedAt: now.addingTimeInterval(-days * 86_400))
            }
            result[i].clears = FourClears(entries)
        }
        return result
    }
}
