import Foundation

/// `doorstep copy`: a whole database from one store to another — the territory, the people,
/// tickets with their history, calls, care, alarms, keys and the event log, row for row with
/// the same ids and sequence numbers — from SQLite to PostgreSQL to move a street onto a
/// server, or back for a backup a person can open. The rows go in pages of the tables' own
/// order, in one write on the target; the counts of every table are compared at the end.
public enum StoreCopy {
    /// Every table, parents before the rows that name them.
    public static let tables = [
        "street", "subdistrict", "community", "grid", "microgrid", "building", "household", "staff", "category", "ticket",
        "ticket_transition", "visit", "hazard", "counter", "party_org", "party_member", "call", "service_point", "department",
        "responder", "call_in", "care_plan", "care_service", "care_record", "four_clears", "key_place", "place_visit", "operator",
        "alarm", "credential", "idempotency", "event",
    ]

    /// How many rows each table holds, by table.
    public typealias Counts = [String: Int]

    /// Copies everything `source` holds into `target`, which must hold nothing (or be emptied
    /// first with `replace`); `progress` hears each table's rows as they go. Returns the counts.
    @discardableResult
    public static func copy(from source: some SQLStore, to target: some SQLStore, replace: Bool = false,
                            progress: (_ table: String, _ done: Int, _ total: Int) -> Void = { _, _, _ in }) throws -> Counts {
        let counts = try source.read { db in try count(db) }
        try target.write { db in
            let held = try count(db).filter { $0.value > 0 }
            if !held.isEmpty {
                guard replace else {
                    let named = held.keys.sorted(by: { (held[$0] ?? 0) > (held[$1] ?? 0) }).prefix(3).map { "\($0) \(held[$0] ?? 0)" }
                    throw StoreError.invalid("\(target.path) already holds data (\(named.joined(separator: ", ")) …); add --force to replace it")
                }
                for table in tables.reversed() { try db.execute("DELETE FROM \(quoted(table))", []) }
            }
            for table in tables {
                let total = counts[table] ?? 0
                progress(table, 0, total)
                guard total > 0 else { continue }
                let columns = try source.read { try self.columns(of: table, $0) }
                var done = 0
                var after: SQLValue?
                while done < total {
                    let page = try source.read { try self.page(of: table, columns: columns, after: after, $0) }
                    guard let last = page.last else { break }
                    try insert(page, into: table, columns: columns, db)
                    done += page.count
                    after = last[0]
                    progress(table, done, total)
                }
            }
            if db.dialect == .postgres {
                // the next event and transition numbers follow the copied ones
                try db.execute("SELECT setval(pg_get_serial_sequence('event', 'seq'), GREATEST((SELECT MAX(seq) FROM event), 1))", [])
                try db.execute("SELECT setval(pg_get_serial_sequence('ticket_transition', 'id'), GREATEST((SELECT MAX(id) FROM ticket_transition), 1))", [])
            }
        }
        let copied = try target.read { db in try count(db) }
        if let wrong = tables.first(where: { (copied[$0] ?? 0) != (counts[$0] ?? 0) }) {
            throw StoreError.corrupt("the copy of \(wrong) holds \(copied[wrong] ?? 0) rows, the source \(counts[wrong] ?? 0)")
        }
        return counts
    }

    /// Every table's row count.
    public static func count(_ db: some SQLSession) throws -> Counts {
        var counts: Counts = [:]
        for table in tables { counts[table] = try db.integer("n", "SELECT COUNT(*) AS n FROM \(quoted(table))") ?? 0 }
        return counts
    }

    static func quoted(_ table: String) -> String { "\"\(table)\"" }

    /// A table's columns in their order.
    static func columns(of table: String, _ db: some SQLSession) throws -> [String] {
        switch db.dialect {
        case .sqlite:
            return try db.texts("name", "SELECT name FROM pragma_table_info(?) ORDER BY cid", [table])
        case .postgres:
            return try db.texts("name", """
                SELECT column_name AS name FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position
                """, [table])
        }
    }

    /// The next rows of `table` in the order of its first column (its key), after `after`.
    static func page(of table: String, columns: [String], after: SQLValue?, _ db: some SQLSession) throws -> [[SQLValue]] {
        let list = columns.map { quoted($0) }.joined(separator: ", ")
        let key = quoted(columns[0])
        // a composite key (idempotency: channel and key) is small: read at once
        let whole = table == "idempotency"
        if whole && after != nil { return [] }
        let sql = "SELECT \(list) FROM \(quoted(table))" + (after == nil || whole ? "" : " WHERE \(key) > ?") + " ORDER BY \(key)"
            + (whole ? "" : " LIMIT \(pageSize)")
        return try db.rows(sql, after.map { [$0] } ?? [], cached: false) { row in columns.map { row.stored($0) } }
    }

    /// Rows a page holds, and an INSERT writes.
    static let pageSize = 500

    static func insert(_ rows: [[SQLValue]], into table: String, columns: [String], _ db: some SQLSession) throws {
        let marks = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        let sql = "INSERT INTO \(quoted(table)) (\(columns.map { quoted($0) }.joined(separator: ", "))) VALUES "
            + Array(repeating: marks, count: rows.count).joined(separator: ", ")
        try db.execute(sql, rows.flatMap { $0 })
    }
}
