import DoorstepDomain

/// What a ticket's move carried, in words for the ticker and the ticket's history: the title
/// ordered, where it was dispatched, the note, the score, the reason. Who moved it is shown
/// beside this, so an accept or an escalation carries nothing more.
enum ChangeText {
    /// Who moved it and what the move carried: `张三 · 已送餐`, `李四 → JB02 · 王五`.
    static func line(who: String, _ move: TicketChange, name: (String) -> String) -> String {
        let carried = detail(move, name: name)
        if carried.isEmpty { return who }
        if case .dispatched = move { return "\(who) \(carried)" }
        return "\(who) · \(carried)"
    }

    static func detail(_ move: TicketChange, name: (String) -> String) -> String {
        switch move {
        case .ordered(let title): return title
        case .dispatched(let grid, let assignee): return "→ " + grid + (assignee.map { " · " + name($0) } ?? "")
        case .accepted, .escalated: return ""
        case .resolved(let note): return note
        case .rated(let score): return "\(score)/5"
        case .cancelled(let reason): return reason
        }
    }
}
