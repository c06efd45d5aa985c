import Foundation
import Testing

@testable import DoorstepStore

/// Rows from another database (PostgreSQL's) read through the columns found once per query:
/// the same answers whatever order a decoder asks in, NULL and missing columns as nothing.
@Suite("Row reader")
struct RowReaderTests {
    @Test("columns asked in order, out of order and not selected; text, numbers, times and NULL")
    func answers() throws {
        let reader = RowReader(names: ["id", "grid", "rating", "state_since", "note"])
        let rows: [[SQLValue]] = [
            [.text("T1"), .text("JB01"), .integer(5), .real(1_796_032_800), .null],
            [.text("T2"), .text("JB02"), .null, .real(1_796_032_860.5), .text("办结")],
        ]
        // each row asked as a decoder asks: in order, then out of order, then for a column not selected
        var seen: [String] = []
        for row in rows {
            let fields = reader.fields(row)
            let id = try fields.text("id", in: "row")
            let grid = try fields.text("grid", in: "row")
            let since = try fields.date("state_since", in: "row")
            let note = fields.optionalText("note")
            let rating = fields.optionalInteger("rating")
            let missing = fields.optionalText("assignee")
            seen.append("\(id) \(grid) \(rating.map(String.init) ?? "-") \(since.timeIntervalSince1970) \(note ?? "-") \(missing ?? "-")")
        }
        #expect(seen == ["T1 JB01 5 1796032800.0 - -", "T2 JB02 - 1796032860.5 办结 -"])
        // a required column that is NULL, or not text, is an error naming the column
        let bad = reader.fields([.null, .text("JB03"), .text("five"), .text("soon"), .null])
        #expect(throws: StoreError.self) { try bad.text("id", in: "ticket T3") }
        #expect(throws: StoreError.self) { try bad.integer("rating", in: "ticket T3") }
        #expect(bad.stored("grid") == .text("JB03"))
    }
}
