import DoorstepDomain
import DoorstepStore
import Foundation

/// Joint handling from the command line (联动处置): calling parties in on a ticket, their
/// answers, and the listings of parties and call-ins.
extension CommandLineEnd {
    /// `doorstep call-in`: the call-ins made, one id each.
    public func callIn(ticket: String, responders: [String], hours: Int?) throws -> [String] {
        let (store, actor) = try session()
        return try storeCall { try store.callIn(ticketID: ticket, responderIDs: responders, hours: hours, by: actor, at: clock.now()) }.map(\.id)
    }

    /// `doorstep answer`: "J00003 handled". `by` answers instead of the actor (the party itself).
    public func answer(callIn: String, _ answer: CallInAnswer, by: String?) throws -> String {
        let (store, actor) = try session()
        let answered = try storeCall { try store.answer(callInID: callIn, answer, by: by ?? actor, at: clock.now()) }
        return "\(answered.id) \(answered.state.rawValue)"
    }

    /// `doorstep resolve --override`: resolves a ticket over the parties still pending on it.
    public func resolve(_ ticket: String, staff: String, note: String, overriding: String?) throws -> String {
        let store = try session().store
        let moved = try storeCall {
            try store.act(on: ticket, .resolve(staffID: staff, note: note), by: staff, at: clock.now(), overriding: overriding)
        }
        return "\(moved.id) \(moved.state.rawValue)"
    }

    /// `doorstep responders`: the departments' parties, in data-set order.
    public func responders(json: Bool) throws -> String {
        let store = try open(readOnly: true)
        let data = try storeCall { try store.loadAll(at: clock.now()) }
        let departments = Dictionary(data.departments.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let rows: [ListingRow] = data.responders.map { r in
            [("id", r.id), ("name", r.name), ("kind", r.kind.rawValue), ("department", r.departmentCode),
             ("department_name", departments[r.departmentCode]?.nameZh), ("answer_hours", departments[r.departmentCode]?.answerHours),
             ("community", r.communityCode), ("phone", r.phone)]
        }
        return try listing(rows, json: json, columns: ["id", "name", "kind", "department", "community", "answer_hours"])
    }

    /// `doorstep call-ins`: newest first; a ticket's, or only pending ones.
    public func callIns(json: Bool, ticket: String?, pendingOnly: Bool, limit: Int) throws -> String {
        guard limit > 0 else { throw Failure("--limit must be above 0", exitCode: ExitStatus.usage) }
        let store = try open(readOnly: true)
        let now = clock.now()
        let found: [CallIn] = try storeCall {
            if let ticket, try store.tickets(ids: [ticket]).isEmpty { throw StoreError.notFound(kind: "ticket", id: ticket) }
            return try store.callIns(ticketID: ticket, pendingOnly: pendingOnly, limit: limit)
        }
        let rows = found.map { c -> ListingRow in
            let answeredAt: String? = c.state == .requested ? nil : isoTime(c.stateSince)
            return [("id", c.id), ("ticket", c.ticketID), ("responder", c.responderID), ("state", c.state.rawValue), ("late", c.isLate(at: now)),
                    ("requested_at", isoTime(c.requestedAt)), ("due_at", isoTime(c.dueAt)), ("answered_at", answeredAt),
                    ("requested_by", c.requestedBy), ("note", c.note)]
        }
        return try listing(rows, json: json, columns: ["id", "ticket", "responder", "state", "late", "due_at", "note"])
    }
}
