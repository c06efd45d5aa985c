import DoorstepCanvas
import DoorstepDomain
import DoorstepStore
import Foundation

/// `doorstep handover`: 交接班 — recording that the desk passes to the next operator, with
/// what the shift inherits, and reading the last one against the desk now.
extension CommandLineEnd {
    /// Records the handover to operator `to` and prints what was handed on.
    public func handover(to: String, note: String, calendar: Calendar = .local) throws -> String {
        let (store, actor) = try session()
        let now = clock.now()
        let data = try storeCall { try store.loadAll(at: now) }
        let overview = Overview(data: data, now: now, calendar: calendar)
        let desk = Self.deskGrids(of: actor, operators: try storeCall { try store.operators() }, data)
        let made = try storeCall {
            try store.recordHandover(to: to, note: note, inherited: HandoverSummary(overview, at: now, grids: desk), by: actor, at: now)
        }
        return Self.describe(made, now: nil)
    }

    /// The last handover of the acting operator's desk (the street's, where nobody is named)
    /// and what changed since, or "no handover yet", as text or JSON.
    public func lastHandover(json: Bool, calendar: Calendar = .local) throws -> String {
        let store = try open(readOnly: true)
        let now = clock.now()
        let operators = try storeCall { try store.operators() }
        let actor = operators.isEmpty ? nil : try session().actor
        let desk = operators.first { $0.id == actor }?.scope.code ?? "street"
        guard let last = try storeCall({ try store.lastHandover(desk: desk) }) else {
            return json ? "null" : "no handover yet (desk \(desk))"
        }
        let data = try storeCall { try store.loadAll(at: now) }
        let current = HandoverSummary(Overview(data: data, now: now, calendar: calendar), at: now,
                                      grids: Self.deskGrids(of: last.fromOperator, operators: operators, data))
        guard json else { return Self.describe(last, now: current) }
        var object: [String: Any] = [
            "id": last.id, "at": isoTime(last.at), "desk": last.desk, "from": last.fromOperator, "to": last.toOperator, "note": last.note,
        ]
        var inherited: [String: Int] = [:]
        for (figure, value) in last.inherited.figures { inherited[figure.rawValue] = value }
        var nowFigures: [String: Int] = [:]
        for (figure, value) in current.figures { nowFigures[figure.rawValue] = value }
        object["inherited"] = inherited
        object["now"] = nowFigures
        object["overdue_tickets"] = last.inherited.overdueTickets
        object["hazard_grids"] = last.inherited.hazardGrids
        let encoded = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: encoded, as: UTF8.self)
    }

    /// The grids of `operatorID`'s desk: nil for the street's (or an operator the data does not list).
    static func deskGrids(of operatorID: String, operators: [Operator], _ data: CentreData) -> Set<String>? {
        switch operators.first(where: { $0.id == operatorID })?.scope {
        case .community(let code)?: return Set(data.grids.filter { $0.communityCode == code }.map(\.code))
        case .grid(let code)?: return [code]
        case .street?, nil: return nil
        }
    }

    /// "H000001 duty → night at 2026-12-02T10:30:00Z", the figures handed on (with now's beside
    /// them, when given), the worst cases named, the note.
    static func describe(_ handover: Handover, now: HandoverSummary?) -> String {
        var lines = ["\(handover.id) \(handover.fromOperator) → \(handover.toOperator) at \(isoTime(handover.at)) (desk \(handover.desk))"]
        var nowFigures: [HandoverSummary.Figure: Int]?
        if let now {
            nowFigures = [:]
            for (figure, value) in now.figures { nowFigures?[figure] = value }
        }
        for (figure, then) in handover.inherited.figures {
            var line = "  \(Self.words[figure] ?? figure.rawValue): \(then)"
            if let current = nowFigures?[figure] {
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
