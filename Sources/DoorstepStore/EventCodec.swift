import DoorstepDomain
import Foundation

/// The one place a `Change` becomes the event table's `kind`, `subject` and `detail` columns,
/// and back. The columns keep the layout every earlier version wrote (`ticket.dispatch` with
/// `JB02 → S0016`, `call.escalated` with `S0003,S0004` …), so a database written before the
/// change feed was typed reads unchanged; a row this version cannot read (a newer kind, a
/// damaged detail) comes back as `.unreadable` with what was stored, never as an error that
/// would stop the feed.
public enum EventCodec {
    /// The separator between a dispatch's grid and its assignee.
    static let arrow = " → "
    /// The separator between a label and its text: a call-in's ticket and what was said, a
    /// service's id and its name.
    static let colon = ": "

    public static func encode(_ change: Change) -> (kind: String, subject: String, detail: String) {
        let detail: String
        switch change {
        case .initialised(_, let grids): detail = "\(grids) grids"
        case .imported(_, _, let rows): detail = "\(rows) rows"
        case .ticket(_, let move):
            switch move {
            case .ordered(let title): detail = title
            case .dispatched(let grid, let assignee): detail = assignee.map { grid + arrow + $0 } ?? grid
            case .accepted(let staff): detail = staff
            case .resolved(let note): detail = note
            case .rated(let score): detail = "\(score)"
            case .escalated: detail = ""
            case .cancelled(let reason): detail = reason
            }
        case .duty(_, let duty): detail = duty.rawValue
        case .visit(_, let household): detail = household
        case .callPlaced(_, let staff): detail = staff
        case .callAnswered(_, let accepted, let how):
            // "answered", or with how the phone answered: "answered: phone", "declined: 486 Busy Here"
            let state = accepted ? Call.State.answered.rawValue : Call.State.declined.rawValue
            detail = how.map { state + colon + $0 } ?? state
        case .callFailed(_, let reason): detail = reason
        case .callConfirmed(_, let key): detail = key
        case .callEscalated(_, let to): detail = to.joined(separator: ",")
        case .callIn(_, let ticket, let responder): detail = ticket + arrow + responder
        case .callInAnswered(_, let ticket, let answer): detail = answer.note.map { ticket + colon + $0 } ?? ticket
        case .carePlan(_, let change):
            switch change {
            case .ordered(let household): detail = household
            case .dispatched(let worker), .accepted(let worker): detail = worker
            case .reviewed(let next): detail = ISO8601DateFormatter().string(from: next)
            case .closed(let reason): detail = reason
            case .serviceAdded(let service, let name): detail = service + colon + name
            }
        case .careServiceDone(_, let plan): detail = plan
        case .placeVisit(_, let place): detail = place
        case .fourClears(_, let grid, let from, let to):
            // "JB01 1796032800.25 -": the grid, then until when it was and is clear (seconds since 1970)
            func stamp(_ date: Date?) -> String { date.map { "\($0.timeIntervalSince1970)" } ?? "-" }  // the shortest exact form
            detail = "\(grid) \(stamp(from)) \(stamp(to))"
        case .revealed: detail = "resident details shown on the wall"
        case .operatorAdded(_, let role, let scope): detail = role.rawValue + " " + scope.code  // "grid_worker JB01"
        case .operatorRemoved, .keyRevoked: detail = ""
        case .keyIssued(_, let channel): detail = channel
        case .handover(_, let from, let to): detail = from + " " + to  // "duty night" (operator ids have no spaces)
        case .alarm(_, let grid, let change):
            // "JB01" or, raised, "JB01 overdue,unanswered_call"
            if case .raised(let reasons) = change, !reasons.isEmpty { detail = grid + " " + reasons.joined(separator: ",") } else { detail = grid }
        case .unreadable(let kind, let subject, let detail): return (kind, subject, detail)
        }
        return (change.kind.rawValue, change.subject, detail)
    }

    /// The event's `prior` column: a duty or a call-in's state by its name, a ticket's standing
    /// as JSON, a service's last time given in seconds since 1970 (`-` for never).
    public static func encode(prior: Prior?) -> String? {
        switch prior {
        case nil: return nil
        case .duty(let duty): return duty.rawValue
        case .callIn(let state): return state.rawValue
        case .serviceLastDone(let done): return done.map { "\($0.timeIntervalSince1970)" } ?? "-"  // (the shortest exact form)
        case .ticket(let standing):
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .secondsSince1970
            encoder.outputFormatting = .sortedKeys
            return (try? encoder.encode(standing)).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// The `prior` column read back for an event of `kind`; nil when empty or unreadable (a
    /// replay then works from the rest of the log).
    public static func decode(prior text: String?, of kind: ChangeKind) -> Prior? {
        guard let text, !text.isEmpty else { return nil }
        switch kind {
        case .duty: return DutyState(rawValue: text).map(Prior.duty)
        case .callInArrived, .callInHandled, .callInDeclined, .callInWithdrawn: return CallIn.State(rawValue: text).map(Prior.callIn)
        case .careServiceDone:
            if text == "-" { return .serviceLastDone(nil) }
            return TimeInterval(text).map { .serviceLastDone(Date(timeIntervalSince1970: $0)) }
        case .ticketDispatched, .ticketAccepted, .ticketResolved, .ticketRated, .ticketEscalated, .ticketCancelled:
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .secondsSince1970
            return (try? decoder.decode(TicketStanding.self, from: Data(text.utf8))).map(Prior.ticket)
        default: return nil
        }
    }

    public static func decode(kind: String, subject: String, detail: String) -> Change {
        let unreadable = Change.unreadable(kind: kind, subject: subject, detail: detail)
        guard let known = ChangeKind(rawValue: kind) else { return unreadable }
        /// The leading number of "64 grids" or "2 rows".
        func count() -> Int? { detail.split(separator: " ").first.flatMap { Int($0) } }
        switch known {
        case .initialised: return count().map { .initialised(centreCode: subject, grids: $0) } ?? unreadable
        case .importedHouseholds: return count().map { .imported(.households, source: subject, rows: $0) } ?? unreadable
        case .importedStaff: return count().map { .imported(.staff, source: subject, rows: $0) } ?? unreadable
        case .importedPartyMembers: return count().map { .imported(.partyMembers, source: subject, rows: $0) } ?? unreadable
        case .importedResponders: return count().map { .imported(.responders, source: subject, rows: $0) } ?? unreadable
        case .importedCarePlans: return count().map { .imported(.carePlans, source: subject, rows: $0) } ?? unreadable
        case .ticketOrdered: return .ticket(id: subject, .ordered(title: detail))
        case .ticketDispatched:
            let parts = detail.components(separatedBy: arrow)
            guard let grid = parts.first, !grid.isEmpty, parts.count <= 2 else { return unreadable }
            return .ticket(id: subject, .dispatched(gridCode: grid, assigneeID: parts.count == 2 ? parts[1] : nil))
        case .ticketAccepted: return .ticket(id: subject, .accepted(staffID: detail))
        case .ticketResolved: return .ticket(id: subject, .resolved(note: detail))
        case .ticketRated: return Int(detail).map { .ticket(id: subject, .rated(score: $0)) } ?? unreadable
        case .ticketEscalated: return .ticket(id: subject, .escalated)
        case .ticketCancelled: return .ticket(id: subject, .cancelled(reason: detail))
        case .duty: return DutyState(rawValue: detail).map { .duty(staffID: subject, $0) } ?? unreadable
        case .visit: return .visit(visitID: subject, householdID: detail)
        case .callPlaced: return .callPlaced(callID: subject, staffID: detail)
        case .callAnswered, .callDeclined:
            return .callAnswered(callID: subject, accepted: known == .callAnswered, how: labelled(detail).map(\.1))
        case .callFailed: return .callFailed(callID: subject, reason: detail)
        case .callConfirmed: return .callConfirmed(callID: subject, key: detail)
        case .callEscalated:
            return .callEscalated(callID: subject, to: detail.split(separator: ",").map { String($0) })
        case .callInRequested:
            let parts = detail.components(separatedBy: arrow)
            guard parts.count == 2 else { return unreadable }
            return .callIn(id: subject, ticketID: parts[0], responderID: parts[1])
        case .callInArrived, .callInHandled, .callInDeclined, .callInWithdrawn:
            // "T00012" or "T00012: what was said"
            let (ticket, note) = labelled(detail) ?? (detail, "")
            guard !ticket.isEmpty else { return unreadable }
            let answer: CallInAnswer
            switch known {
            case .callInArrived: answer = .arrived
            case .callInHandled: answer = .handled(note: note)
            case .callInDeclined: answer = .declined(reason: note)
            default: answer = .withdrawn(reason: note)
            }
            return .callInAnswered(id: subject, ticketID: ticket, answer)
        case .careOrdered: return .carePlan(id: subject, .ordered(householdID: detail))
        case .careDispatched: return .carePlan(id: subject, .dispatched(socialWorkerID: detail))
        case .careAccepted: return .carePlan(id: subject, .accepted(socialWorkerID: detail))
        case .careReviewed: return ISO8601DateFormatter().date(from: detail).map { .carePlan(id: subject, .reviewed(next: $0)) } ?? unreadable
        case .careClosed: return .carePlan(id: subject, .closed(reason: detail))
        case .careServiceAdded:
            guard let (service, name) = labelled(detail) else { return unreadable }
            return .carePlan(id: subject, .serviceAdded(serviceID: service, name: name))
        case .careServiceDone: return .careServiceDone(serviceID: subject, planID: detail)
        case .placeVisit: return .placeVisit(visitID: subject, placeCode: detail)
        case .fourClears:
            let parts = detail.split(separator: " ").map(String.init)
            guard parts.count == 3 else { return unreadable }
            func date(_ text: String) -> Date?? { text == "-" ? .some(nil) : Double(text).map { .some(Date(timeIntervalSince1970: $0)) } }
            guard let from = date(parts[1]), let to = date(parts[2]) else { return unreadable }
            return .fourClears(householdID: subject, gridCode: parts[0], from: from, to: to)
        case .privacyReveal: return .revealed(subject: subject)
        case .operatorAdded:
            let parts = detail.split(separator: " ").map(String.init)
            guard parts.count == 2, let role = OperatorRole(rawValue: parts[0]) else { return unreadable }
            return .operatorAdded(id: subject, role: role, scope: OperatorScope(role: role, code: parts[1]))
        case .operatorRemoved: return .operatorRemoved(id: subject)
        case .keyIssued: return detail.isEmpty ? unreadable : .keyIssued(id: subject, channel: detail)
        case .keyRevoked: return .keyRevoked(id: subject)
        case .handover:
            let parts = detail.split(separator: " ").map(String.init)
            guard parts.count == 2 else { return unreadable }
            return .handover(id: subject, from: parts[0], to: parts[1])
        case .alarmRaised, .alarmAcknowledged, .alarmCleared, .alarmEscalated:
            let parts = detail.split(separator: " ", maxSplits: 1).map(String.init)
            guard let grid = parts.first, !grid.isEmpty else { return unreadable }
            let change: AlarmChange
            switch known {
            case .alarmRaised: change = .raised(reasons: parts.count > 1 ? parts[1].split(separator: ",").map(String.init) : [])
            case .alarmAcknowledged: change = .acknowledged
            case .alarmCleared: change = .cleared
            default: change = .escalated
            }
            return .alarm(id: subject, gridCode: grid, change)
        case .unreadable: return unreadable
        }
    }

    /// "T00012: what was said" as its label and its text (nil without the separator).
    private static func labelled(_ detail: String) -> (String, String)? {
        detail.firstRange(of: colon).map { (String(detail[..<$0.lowerBound]), String(detail[$0.upperBound...])) }
    }
}
