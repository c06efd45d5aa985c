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
        let kindWidth = kindWidth(s, inner: inner, shown: shown.map { state.events[$0].kind })
        for (row, index) in shown.enumerated() {
            let y = inner.y + row
            drawRow(&canvas, state, state.events[index], y: y, inner: inner, kindWidth: kindWidth)
            if window != nil, index == state.eventCursor { canvas.cursorRow(y, in: inner) }
        }
        window?.drawMore(&canvas, in: inner, strings: s)
    }

    /// Draws only the lines a page that grew has gained, when `old` (drawn on the canvas) shows
    /// the same page with fewer lines; returns the rows drawn, or nil when the pane must be
    /// drawn whole (the page turned, the operator is in the ticker, a narrow pane's columns).
    static func drawNewRows(_ canvas: inout Canvas, _ state: WallState, from old: WallState, in rect: Rect) -> [Range<Int>]? {
        let inner = rect.inset(by: 1)
        guard !inner.isEmpty, inner.width >= wideFrom, state.focus != .events, old.focus != .events, state.tickerTop == old.tickerTop,
              !old.events.isEmpty
        else { return nil }
        let shown = TickerPage.rows(top: state.tickerTop, events: state.events, rows: inner.height)
        let was = TickerPage.rows(top: old.tickerTop, events: old.events, rows: inner.height)
        guard shown.count >= was.count, zip(shown, was).allSatisfy({ state.events[$0].sequence == old.events[$1].sequence })
        else { return nil }
        let kindWidth = kindWidth(state.strings, inner: inner, shown: [])
        var drawn: [Range<Int>] = []
        for row in was.count..<shown.count {
            let y = inner.y + row
            canvas.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: Style(.normal))
            drawRow(&canvas, state, state.events[shown[row]], y: y, inner: inner, kindWidth: kindWidth)
            drawn.append(y..<(y + 1))
        }
        return drawn
    }

    /// Panes at least this wide keep one kind column for every everyday kind.
    static let wideFrom = 40

    /// The kind column's width: one for the kinds of everyday work, so the columns stay put as
    /// the kinds shown change (a rarer, longer label, an import or a reveal, widens its own row
    /// alone); a narrow pane keeps its columns for the names: the widest label it shows.
    private static func kindWidth(_ s: UIStrings, inner: Rect, shown: [ChangeKind]) -> Int {
        (inner.width >= wideFrom ? everyday : shown).map { DisplayWidth.of(s.eventKind($0)) }.max() ?? 6
    }

    /// One event on line `y`: its time, kind, subject and who did what.
    private static func drawRow(_ canvas: inout Canvas, _ state: WallState, _ event: ChangeEvent, y: Int, inner: Rect, kindWidth: Int) {
        let s = state.strings
        let kind = s.eventKind(event.kind)
        canvas.write(runs: [
            (Formatting.time(event.at, timeZone: state.timeZone) + " ", Style(.muted)),
            (Columns.pad(kind, to: max(kindWidth, DisplayWidth.of(kind))) + " ", style(for: event.kind)),
            (Columns.pad(event.subject, to: 8) + " ", Style(.normal)),
            (describe(event, state.overview, s, operators: state.operatorNames), Style(.muted)),
        ], x: inner.x, y: y, clip: inner, ellipsis: state.glyphs[.ellipsis])
    }

    /// The kinds a street's working day is made of.
    static let everyday: [ChangeKind] = ChangeKind.allCases.filter {
        switch $0 {
        case .initialised, .importedHouseholds, .importedStaff, .importedPartyMembers, .importedResponders, .importedCarePlans, .privacyReveal,
             .operatorAdded, .operatorRemoved, .keyIssued, .keyRevoked, .handover, .unreadable:
            return false
        case .ticketOrdered, .ticketDispatched, .ticketAccepted, .ticketResolved, .ticketRated, .ticketEscalated, .ticketCancelled,
             .duty, .visit, .callPlaced, .callAnswered, .callDeclined, .callEscalated, .callFailed, .callConfirmed, .callInRequested, .callInArrived, .callInHandled,
             .callInDeclined, .callInWithdrawn, .careOrdered, .careDispatched, .careAccepted, .careReviewed, .careClosed, .careServiceAdded,
             .careServiceDone, .fourClears, .placeVisit, .alarmRaised, .alarmAcknowledged, .alarmCleared, .alarmEscalated:
            return true
        }
    }

    /// Who did it and what, with staff ids turned into names and system actors into words.
    static func describe(_ event: ChangeEvent, _ overview: Overview, _ s: UIStrings, operators: [String: String] = [:]) -> String {
        func name(_ id: String) -> String { overview.callee(id: id)?.name ?? overview.responder(id)?.name ?? operators[id] ?? s.actor(id) ?? id }
        let who = name(event.actor)
        func with(_ detail: String) -> String { detail.isEmpty ? who : "\(who) · \(detail)" }
        switch event.change {
        case .ticket(_, let move): return ChangeText.line(who: who, move, name: name)
        case .callPlaced(_, let staff): return name(staff)
        case .callAnswered(_, _, let how):
            // "陶敏 · 电话" when the phone answered, "陶敏 · 486 Busy Here" when it declined
            return with(how.map { $0 == "phone" ? s.phone.byPhone : $0 } ?? "")
        case .callFailed(_, let reason): return with(reason)
        case .callConfirmed(_, let key): return with(s.phone.pressed(key))
        case .callEscalated(_, let to): return "→ " + to.map(name).joined(separator: "、")
        case .visit(_, let household): return "\(who) → \(household)"
        case .duty(let staff, let duty): return "\(name(staff)) \(s.duty(duty))"
        case .initialised(_, let grids): return with("\(s.grids) \(grids)")
        case .imported(_, _, let rows): return with(s.rows(rows))
        case .callIn(_, let ticket, let responder): return "\(ticket) → " + (overview.responder(responder)?.name ?? responder)
        case .callInAnswered(_, let ticket, let answer):
            return ([ticket, name(event.actor)] + (answer.note.map { [$0] } ?? [])).joined(separator: " · ")
        case .carePlan(_, let change):
            switch change {
            case .ordered(let household): return "\(who) → \(household)"
            case .dispatched(let worker), .accepted(let worker): return "\(who) → \(name(worker))"
            case .reviewed: return who
            case .closed(let reason): return with(reason)
            case .serviceAdded(_, let service): return with(service)
            }
        case .careServiceDone(_, let plan): return "\(who) · \(overview.care.plan(plan)?.services.first { $0.id == event.subject }?.name ?? plan)"
        case .fourClears(_, let grid, _, _): return "\(who) · \(grid)"
        case .placeVisit(_, let place): return "\(who) → " + (overview.places.place(place)?.name ?? place)
        case .revealed: return who
        case .operatorAdded(_, let role, let scope): return with("\(s.operatorRole(role)) \(scope.code)")
        case .operatorRemoved, .keyRevoked: return who
        case .keyIssued(_, let channel): return with(channel)
        case .handover(_, let from, let to): return "\(name(from)) → \(name(to))"
        case .alarm(_, let grid, let change):
            let place = overview.summary(ofGrid: grid)?.grid.name ?? grid
            switch change {
            case .raised: return place
            case .acknowledged: return "\(place) · \(who)"
            case .cleared, .escalated: return place
            }
        case .unreadable(let kind, _, let detail): return with(detail.isEmpty ? kind : "\(kind) \(detail)")
        }
    }

    static func style(for kind: ChangeKind) -> Style {
        switch kind {
        case .alarmRaised: return Style(.alarm, bold: true)
        case .ticketEscalated, .callDeclined, .callEscalated, .callFailed, .privacyReveal, .callInDeclined, .alarmEscalated: return Style(.attention, bold: true)
        case .ticketResolved, .ticketRated, .callAnswered, .callConfirmed, .callInArrived, .callInHandled, .careServiceDone, .careAccepted, .fourClears,
             .alarmAcknowledged, .alarmCleared:
            return Style(.ok)
        case .callPlaced, .callInRequested, .handover: return Style(.key)
        case .unreadable: return Style(.muted)
        case .ticketOrdered, .ticketDispatched, .ticketAccepted, .ticketCancelled, .duty, .visit, .placeVisit, .initialised, .importedHouseholds,
             .importedStaff, .importedPartyMembers, .importedResponders, .importedCarePlans, .callInWithdrawn, .careOrdered, .careDispatched,
             .careReviewed, .careClosed, .careServiceAdded, .operatorAdded, .operatorRemoved, .keyIssued, .keyRevoked:
            return Style(.label)
        }
    }
}
