import DoorstepCanvas
import DoorstepDomain
import DoorstepStore
import Foundation

/// `doorstep handover`: 交接班 — recording that the desk passes to the next operator, with
/// what the shift inherits, and reading the last one against the desk now.
extension CommandLineEnd {
    /// Records the handover to operator `to` and prints what was handed on.
    public func handover(to: String, note: String, calendar: Calendar = .local) throws -> String {
        let session = try identity.session(try open())
        let now = clock.now()
        let data = try storeCall { try session.store.loadAll(at: now) }
        let inherited = HandoverSummary(Overview(data: data, now: now, calendar: calendar), at: now,
                                        grids: session.operator?.scope.gridCodes(in: data.grids))
        let made = try storeCall { try session.store.recordHandover(to: to, note: note, inherited: inherited, by: session.actor, at: now) }
        return Self.describe(made, now: nil)
    }

    /// The last handover of the acting operator's desk (the street's, where nobody is named)
    /// and what changed since, or "no handover yet", as text or JSON.
    public func lastHandover(json: Bool, calendar: Calendar = .local) throws -> String {
        let store = try open(readOnly: true)
        let session = try identity.session(store)
        let now = clock.now()
        let desk = session.operator?.scope.code ?? "street"
        guard let last = try storeCall({ try store.lastHandover(desk: desk) }) else {
            return json ? "null" : "no handover yet (desk \(desk))"
        }
        let data = try storeCall { try store.loadAll(at: now) }
        // (the figures now are the desk's that was handed over, counted as it counted them)
        let current = HandoverSummary(Overview(data: data, now: now, calendar: calendar), at: now,
                                      grids: session.operator?.scope.gridCodes(in: data.grids))
        guard json else { return Self.describe(last, now: current) }
        var object: [String: Any] = [
            "id": last.id, "at": isoTime(last.at), "desk": last.desk, "from": last.fromOperator, "to": last.toOperator, "note": last.note,
        ]
        func byName(_ summary: HandoverSummary) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: HandoverSummary.Figure.allCases.map { ($0.rawValue, summary[$0]) })
        }
        object["inherited"] = byName(last.inherited)
        object["now"] = byName(current)
        object["overdue_tickets"] = last.inherited.overdueTickets
        object["hazard_grids"] = last.inherited.hazardGrids
        let encoded = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: encoded, as: UTF8.self)
    }

    /// "H000001 duty → night at 2026-12-02T10:30:00Z", the figures handed on (with now's beside
    /// them, when given), the worst cases named, the note.
    static func describe(_ handover: Handover, now: HandoverSummary?) -> String {
        var lines = ["\(handover.id) \(handover.fromOperator) → \(handover.toOperator) at \(isoTime(handover.at)) (desk \(handover.desk))"]
        for (figure, then) in handover.inherited.figures {
            var line = "  \(Self.words[figure] ?? figure.rawValue): \(then)"
            if let current = now?[figure] {
                let change = current - then
                line += change == 0 ? ", now the same" : ", now \(current) (\(change > 0 ? "+" : "")\(change))"
            }
            lines.append(line)
        }
        if !handover.inherited.overdueTickets.isEmpty { lines.append("  overdue then: " + handover.inherited.overdueTickets.joined(separator: " ")) }
        if !handover.inherited.hazardGrids.isEmpty { lines.append("  severe hazards in: " + handover.inherited.hazardGrids.joined(separator: " ")) }
        // (stored text, cleaned of control and escape characters before it reaches a terminal)
        if !handover.note.isEmpty { lines.append("  note: " + Sanitizer.clean(handover.note)) }
        return lines.joined(separator: "\n")
    }

    static let words: [HandoverSummary.Figure: String] = [
        .openTickets: "open tickets", .overdue: "overdue", .escalated: "sent up", .missedCalls: "missed calls",
        .severeHazards: "severe hazards", .jointWaiting: "waiting on departments", .mustVisitsBehind: "must-visits behind",
        .careMissed: "care services missed", .alarmsUntaken: "alarms untaken",
    ]
}
