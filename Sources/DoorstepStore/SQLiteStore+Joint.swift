import DoorstepDomain
import Foundation
import GRDB

/// Joint handling (联动处置): calling parties in on a ticket, their answers, and what a
/// ticket's resolution or cancellation does to those still pending.
extension SQLStore {
    public func callIn(ticketID: String, responderIDs: [String], hours: Int?, by actor: String, at time: Date) throws -> [CallIn] {
        guard !responderIDs.isEmpty else { throw StoreError.invalid("nobody to call in") }
        if let hours, !(1...720).contains(hours) { throw StoreError.invalid("a call-in's deadline is 1 to 720 hours, not \(hours)") }
        if let twice = Self.firstRepeated(responderIDs) { throw StoreError.invalid("\(twice) is named twice") }
        return try write { db in
            guard let state = try db.text("state", "SELECT state FROM ticket WHERE id = ?", [ticketID]) else {
                throw StoreError.notFound(kind: "ticket", id: ticketID)
            }
            try authorize(db, .jointHandling(grid: try Self.grid(of: "ticket", "id", ticketID, db) ?? ""))
            guard TicketState(rawValue: state)?.isOpen == true else {
                throw StoreError.invalid("cannot call anyone in on \(ticketID): it is \(state)")
            }
            var made: [CallIn] = []
            let ids = try Self.nextIDs(db, table: "call_in", prefix: "J", digits: 5, count: responderIDs.count)
            for (id, responderID) in zip(ids, responderIDs) {
                guard let answerHours = try db.integer("answer_hours", """
                    SELECT d.answer_hours AS answer_hours FROM responder r JOIN department d ON d.code = r.department WHERE r.id = ?
                    """, [responderID]) else {
                    throw StoreError.notFound(kind: "responder", id: responderID)
                }
                if let open = try db.text("id", """
                    SELECT id FROM call_in WHERE ticket = ? AND responder = ? AND state IN ('requested', 'arrived')
                    """, [ticketID, responderID]) {
                    throw StoreError.invalid("\(responderID) is already called in on \(ticketID) (\(open), still pending)")
                }
                let callIn = CallIn(
                    id: id, ticketID: ticketID, responderID: responderID, requestedBy: actor, requestedAt: time,
                    dueAt: time.addingTimeInterval(TimeInterval((hours ?? answerHours) * 3600)))
                try Records.insert(callIn, db)
                try Self.append(db, .callIn(id: id, ticketID: ticketID, responderID: responderID), by: actor, at: time)
                made.append(callIn)
            }
            return made
        }
    }

    public func answer(callInID: String, _ answer: CallInAnswer, by actor: String, at time: Date) throws -> CallIn {
        try write { db in
            guard let row = try db.row("SELECT * FROM call_in WHERE id = ?", [callInID]) else {
                throw StoreError.notFound(kind: "call-in", id: callInID)
            }
            let current = try Records.callIn(row)
            try authorize(db, .jointHandling(grid: try Self.grid(of: "ticket", "id", current.ticketID, db) ?? ""))
            let next: CallIn
            do {
                next = try current.answering(answer, at: time)
            } catch let refusal as CallInError {
                throw StoreError.invalid(refusal.description)
            }
            try Records.insert(next, db)
            try Self.append(db, .callInAnswered(id: callInID, ticketID: current.ticketID, Self.stored(answer, as: next)), prior: .callIn(current.state),
                            by: actor, at: time)
            return next
        }
    }

    /// The answer as stored (its note trimmed).
    private static func stored(_ answer: CallInAnswer, as callIn: CallIn) -> CallInAnswer {
        switch answer {
        case .arrived: return .arrived
        case .handled: return .handled(note: callIn.note ?? "")
        case .declined: return .declined(reason: callIn.note ?? "")
        case .withdrawn: return .withdrawn(reason: callIn.note ?? "")
        }
    }

    public func upsert(responders: [Responder], source: String, at time: Date) throws -> Int {
        try write { db in
            try authorize(db, .importData)
            try Self.requireAll(db, table: "department", key: "code", responders.map(\.departmentCode), kind: "department")
            try Self.requireAll(db, table: "community", key: "code", responders.compactMap(\.communityCode), kind: "community")
            var position = try db.integer("n", "SELECT COALESCE(MAX(position), 0) + 1 AS n FROM responder", []) ?? 0
            for responder in responders {
                try Records.insert(responder, position: position, db)
                position += 1
            }
            try Self.append(db, .imported(.responders, source: source, rows: responders.count), by: "import", at: time)
            return responders.count
        }
    }

    public func callIns(ids: [String]) throws -> [CallIn] {
        guard !ids.isEmpty else { return [] }
        return try read { db in try Self.rows(db, ids, table: "call_in", key: "id", Records.callIn) }
    }

    public func callIns(ticketID: String?, pendingOnly: Bool, limit: Int) throws -> [CallIn] {
        try read { db in
            // one statement for every filter: a NULL ticket or a false flag lets every row through
            try Records.all(db, """
                SELECT * FROM call_in WHERE (CAST(?1 AS TEXT) IS NULL OR ticket = ?1) AND (?2 = 0 OR state IN ('requested', 'arrived'))
                ORDER BY requested_at DESC, id DESC LIMIT ?3
                """, [ticketID, pendingOnly, limit], Records.callIn)
        }
    }

    /// Before a ticket is resolved or cancelled (inside its transaction): a resolution with
    /// parties still pending is refused unless `overriding` says why; the pending call-ins are
    /// then withdrawn with that reason (or the cancellation's), each with its event.
    static func settleCallIns(_ db: some SQLSession, ticketID: String, action: TicketAction, overriding: String?, by actor: String, at time: Date) throws {
        var reason: String
        switch action {
        case .resolve: reason = "resolved over it: "
        case .cancel(let why): reason = "ticket cancelled: " + why
        default: return
        }
        let pending = try Records.all(db, "SELECT * FROM call_in WHERE ticket = ? AND state IN ('requested', 'arrived') ORDER BY id",
                                      [ticketID], Records.callIn)
        guard !pending.isEmpty else { return }
        if case .resolve = action {
            let given = overriding?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            guard !given.isEmpty else { throw StoreError.invalid(PendingCallIns(ticketID: ticketID, pending: pending).description) }
            reason += given
        }
        for callIn in pending {
            guard let next = try? callIn.answering(.withdrawn(reason: reason), at: time) else { continue }
            try Records.insert(next, db)
            try append(db, .callInAnswered(id: callIn.id, ticketID: ticketID, .withdrawn(reason: next.note ?? reason)), prior: .callIn(callIn.state),
                       by: actor, at: time)
        }
    }

    static func firstRepeated(_ values: [String]) -> String? {
        var seen = Set<String>()
        return values.first { !seen.insert($0).inserted }
    }
}
