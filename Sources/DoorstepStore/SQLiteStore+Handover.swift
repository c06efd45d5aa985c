import DoorstepDomain
import Foundation

/// 交接班: each handover kept with what it handed on, and announced in the event log.
extension SQLStore {
    /// Records that `actor` hands the desk to operator `to`, with `note` and what the shift
    /// inherits. Where the database has operators, `to` must be one of them (and not the actor).
    public func recordHandover(to: String, note: String, inherited: HandoverSummary, by actor: String, at time: Date) throws -> Handover {
        let to = to.trimmingCharacters(in: .whitespaces)
        guard !to.isEmpty, !to.contains(where: \.isWhitespace) else { throw StoreError.invalid("a handover names the operator taking the desk (one word), not '\(to)'") }
        guard to != actor else { throw StoreError.invalid("\(actor) cannot hand the desk to themselves") }
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard note.count <= Handover.noteLimit else { throw StoreError.invalid("a handover's note is at most \(Handover.noteLimit) characters (this one has \(note.count))") }
        let summary = String(decoding: try JSONEncoder().encode(inherited), as: UTF8.self)
        return try write { db in
            try authorize(db, .handover)
            // (the desk is the scope of the operator handing over; the street's where nobody is checked)
            let desk = try operatorID.flatMap { try Self.operatorRow(db, $0) }?.scope.code ?? "street"
            if try db.integer("n", "SELECT COUNT(*) AS n FROM operator", []) ?? 0 > 0, try Self.operatorRow(db, to) == nil {
                throw StoreError.notFound(kind: "operator", id: to)
            }
            let handover = Handover(id: try Self.nextID(db, table: "handover", prefix: "H", digits: 6), at: time, desk: desk, fromOperator: actor,
                                    toOperator: to, note: note, inherited: inherited)
            try db.execute("INSERT INTO handover (id, at, desk, from_operator, to_operator, note, summary) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           [handover.id, time.timeIntervalSince1970, desk, actor, to, note, summary])
            try Self.append(db, .handover(id: handover.id, from: actor, to: to), by: actor, at: time)
            return handover
        }
    }

    /// The latest handover of `desk` (`street`, a community's or a grid's code), if one was made.
    public func lastHandover(desk: String) throws -> Handover? {
        try read { db in try db.first("SELECT * FROM handover WHERE desk = ? ORDER BY at DESC, id DESC LIMIT 1", [desk], Records.handover) }
    }

    public func handovers(ids: [String]) throws -> [Handover] {
        guard !ids.isEmpty else { return [] }
        return try read { db in try Self.rows(db, ids, table: "handover", key: "id", Records.handover) }
    }

    /// Each desk's latest handover (the working set's).
    static func latestHandovers(_ db: some SQLSession) throws -> [Handover] {
        try Records.all(db, """
            SELECT * FROM handover h WHERE NOT EXISTS (
                SELECT 1 FROM handover later WHERE later.desk = h.desk AND (later.at > h.at OR (later.at = h.at AND later.id > h.id)))
            """, [], Records.handover)
    }
}

extension Records {
    static func handover(_ row: Fields) throws -> Handover {
        let id = try row.text("id", in: "handover")
        let place = { "handover \(id)" }
        let summary = try row.text("summary", in: place())
        guard let inherited = try? JSONDecoder().decode(HandoverSummary.self, from: Data(summary.utf8)) else {
            throw StoreError.invalid("\(place()): its summary is not readable")
        }
        return Handover(id: id, at: try row.date("at", in: place()), desk: try row.text("desk", in: place()), fromOperator: try row.text("from_operator", in: place()),
                        toOperator: try row.text("to_operator", in: place()), note: try row.text("note", in: place()), inherited: inherited)
    }
}
