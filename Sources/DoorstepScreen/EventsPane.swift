import DoorstepCanvas
import DoorstepDomain

/// The event ticker: the latest changes from every end, oldest first on a page that fills
/// downward (`TickerPage`).
enum EventsPane {
    static func draw(_ canvas: inout Canvas, _ state: WallState, in rect: Rect) {
        let s = state.strings
        let inner = canvas.pane(rect, title: s.events, focused: state.focus == .events)
        guard !inner.isEmpty else { return }
        guard !state.events.isEmpty else {
            canvas.write(s.noEvents, x: inner.x, y: inner.y, clip: inner, style: Style(.muted))
            return
        }
        // oldest first, read down: the page (see `TickerPage`), or, while the operator browses
        // the ticker, the rows around the cursor
        let last = state.events.count - 1
        let window = state.focus == .events
            ? ListWindow(total: state.events.count, height: inner.height, cursor: last - state.eventCursor) : nil
        let shown = window.map { $0.rows.map { last - $0 } }
            ?? TickerPage.rows(top: state.tickerTop, events: state.events, rows: inner.height)
        // one width for the kinds of everyday work, so the columns stay put as the kinds shown
        // change; a rarer, longer label (an import, a reveal) widens its own row alone. A
        // narrow pane keeps its columns for the names: the widest label it shows.
        let kinds = inner.width >= 40 ? everyday : shown.map { state.events[$0].kind }
        let kindWidth = kinds.map { DisplayWidth.of(s.eventKind($0)) }.max() ?? 6
        for (row, index) in shown.enumerated() {
            let event = state.events[index]
            let y = inner.y + row
            let time = Formatting.time(event.at, timeZone: state.timeZone)
            canvas.write(runs: [
                (time + " ", Style(.muted)),
                (Columns.pad(s.eventKind(event.kind), to: max(kindWidth, DisplayWidth.of(s.eventKind(event.kind)))) + " ",
                 style(for: event.kind)),
                (Columns.pad(event.subject, to: 8) + " ", Style(.normal)),
                (describe(event, state.overview, s), Style(.muted)),
            ], x: inner.x, y: y, clip: inner)
            if window != nil, index == state.eventCursor { canvas.cursorRow(y, in: inner) }
        }
        window?.drawMore(&canvas, in: inner, strings: s)
    }

    /// The kinds a street's working day is made of.
    static let everyday: [ChangeKind] = ChangeKind.allCases.filter {
        switch $0 {
        case .initialised, .importedHouseholds, .importedStaff, .privacyReveal, .unreadable: return false
        case .ticketOrdered, .ticketDispatched, .ticketAccepted, .ticketResolved, .ticketRated, .ticketEscalated, .ticketCancelled,
             .duty, .visit, .callPlaced, .callAnswered, .callDeclined, .callEscalated:
            return true
        }
    }

    /// Who did it and what, with staff ids turned into names and system actors into words.
    static func describe(_ event: ChangeEvent, _ overview: Overview, _ s: UIStrings) -> String {
        func name(_ id: String) -> String { overview.staff(id: id)?.name ?? s.actor(id) ?? id }
        let who = name(event.actor)
        func with(_ detail: String) -> String { detail.isEmpty ? who : "\(who) · \(detail)" }
        switch event.change {
        case .ticket(_, let move): return ChangeText.line(who: who, move, name: name)
        case .callPlaced(_, let staff): return name(staff)
        case .callAnswered: return who
        case .callEscalated(_, let to): return "→ " + to.map(name).joined(separator: "、")
        case .visit(_, let household): return "\(who) → \(household)"
        case .duty(let staff, let duty): return "\(name(staff)) \(s.duty(duty))"
        case .initialised(_, let grids): return with("\(s.grids) \(grids)")
        case .imported(_, _, let rows): return with(s.rows(rows))
        case .revealed: return who
        case .unreadable(let kind, _, let detail): return with(detail.isEmpty ? kind : "\(kind) \(detail)")
        }
    }

    static func style(for kind: ChangeKind) -> Style {
        switch kind {
        case .ticketEscalated, .callDeclined, .callEscalated, .privacyReveal: return Style(.attention, bold: true)
        case .ticketResolved, .ticketRated, .callAnswered: return Style(.ok)
        case .callPlaced: return Style(.key)
        case .unreadable: return Style(.muted)
        case .ticketOrdered, .ticketDispatched, .ticketAccepted, .ticketCancelled, .duty, .visit, .initialised, .importedHouseholds,
             .importedStaff:
            return Style(.title)
        }
    }
}
