import DoorstepCanvas
import DoorstepDomain

/// The event ticker: the latest changes from every end, newest first.
enum EventsPane {
    static func draw(_ canvas: inout Canvas, _ state: WallState, in rect: Rect) {
        let s = state.strings
        let inner = canvas.pane(rect, title: s.events, focused: state.focus == .events)
        guard !inner.isEmpty else { return }
        guard !state.events.isEmpty else {
            canvas.write(s.noEvents, x: inner.x, y: inner.y, clip: inner, style: Style(.muted))
            return
        }
        let window = ListWindow(total: state.events.count, height: inner.height, cursor: state.eventCursor)
        let kindWidth = window.rows.map { DisplayWidth.of(s.eventKind(state.events[$0].kind)) }.max() ?? 6
        for (row, index) in window.rows.enumerated() {
            let event = state.events[index]
            let y = inner.y + row
            let time = String(Formatting.clock(event.at, timeZone: state.timeZone, weekdays: s.weekdays).suffix(8))
            canvas.write(runs: [
                (time + " ", Style(.muted)),
                (Columns.pad(s.eventKind(event.kind), to: kindWidth) + " ", style(for: event.kind)),
                (Columns.pad(event.subject, to: 8) + " ", Style(.normal)),
                (describe(event, state.overview, s), Style(.muted)),
            ], x: inner.x, y: y, clip: inner)
            if state.focus == .events, index == state.eventCursor { canvas.cursorRow(y, in: inner) }
        }
        window.drawMore(&canvas, in: inner, strings: s)
    }

    /// Who did it and what, with staff ids turned into names.
    static func describe(_ event: ChangeEvent, _ overview: Overview, _ s: UIStrings) -> String {
        func name(_ id: String) -> String { overview.staff(id: id)?.name ?? id }
        switch event.kind {
        case "call.placed": return name(event.detail)
        case "call.answered", "call.declined": return name(event.actor)
        case "call.escalated": return "→ " + event.detail.split(separator: ",").map { name(String($0)) }.joined(separator: "、")
        case "visit": return "\(name(event.actor)) → \(event.detail)"
        case "duty": return "\(name(event.subject)) \(s.duty(event.detail))"
        case "ticket.accept": return name(event.actor)
        case "ticket.dispatch":
            let parts = event.detail.components(separatedBy: " → ")
            return "\(name(event.actor)) → \(parts.first ?? "")" + (parts.count > 1 ? " · \(name(parts[1]))" : "")
        default:
            let who = name(event.actor)
            return event.detail.isEmpty ? who : "\(who) · \(event.detail)"
        }
    }

    static func style(for kind: String) -> Style {
        switch kind {
        case "ticket.escalate", "call.declined", "call.escalated": return Style(.attention, bold: true)
        case "ticket.resolve", "ticket.rate", "call.answered": return Style(.ok)
        case "call.placed": return Style(.key)
        default: return Style(.title)
        }
    }
}
