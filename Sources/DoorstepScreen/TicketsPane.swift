import Foundation
import DoorstepCanvas
import DoorstepDomain

/// Open tickets, most urgent first, with a live countdown to each stage's deadline.
enum TicketsPane {
    static func draw(_ canvas: inout Canvas, _ state: WallState, in rect: Rect) {
        let s = state.strings
        let inner = canvas.pane(rect, title: title(state), focused: state.focus == .tickets)
        guard !inner.isEmpty else { return }
        let window = ListWindow(total: state.ticketCount, height: inner.height, cursor: state.ticketCursor)
        let columns = RowColumns(state, inner: inner, rows: window.rows)
        for (row, index) in window.rows.enumerated() {
            drawRow(&canvas, state, index: index, y: inner.y + row, inner: inner, columns: columns)
        }
        window.drawMore(&canvas, in: inner, strings: s)
    }

    /// The pane's title: its counts; inside a street, that street's counts (the street's name
    /// last: the grids pane says it too, so it is what a narrow title can lose).
    static func title(_ state: WallState) -> String {
        let s = state.strings
        let f = state.overview.figures
        if state.shownScope != .street {
            // the desk's own: its queue first (to dispatch, or to accept and resolve)
            let tally = state.deskTally
            return "\(s.openTickets) · \(state.ticketCount) · \(s.overdue) \(tally.overdue)"
        }
        return state.scopedTicketTally.map { "\(s.openTickets) · \($0.open) · \(s.overdue) \($0.overdue) · \($0.street)" }
            ?? "\(s.openTickets) · \(f.openTickets) · \(s.overdue) \(f.overdue)"
    }

    /// The pane's frame and title drawn again over what is there (the rows inside are left as
    /// they are); the rows drawn again.
    static func drawTitle(_ canvas: inout Canvas, _ state: WallState, in rect: Rect) -> [Range<Int>] {
        guard rect.height >= 2 else { return [] }
        canvas.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: Style(.normal))
        canvas.paneTitle(rect, title: title(state), focused: state.focus == .tickets)
        return [rect.y..<(rect.y + 1)]
    }

    /// Draws again only the rows whose countdown or colour moved between `before` and the
    /// state's clock (a full draw at `before` is on the canvas); returns the rows drawn.
    static func drawClock(_ canvas: inout Canvas, _ state: WallState, from before: Date, in rect: Rect) -> [Range<Int>] {
        let inner = rect.inset(by: 1)
        guard !inner.isEmpty else { return [] }
        let window = ListWindow(total: state.ticketCount, height: inner.height, cursor: state.ticketCursor)
        var columns: RowColumns?
        var drawn: [Range<Int>] = []
        for (row, index) in window.rows.enumerated() {
            guard let open = state.ticket(atRow: index) else { continue }
            let was = clockKey(open, at: before)
            let now = clockKey(open, at: state.now)
            guard was != now else { continue }
            let y = inner.y + row
            if columns == nil { columns = RowColumns(state, inner: inner, rows: window.rows) }
            guard let columns else { continue }
            let cursor = state.focus == .tickets && index == state.ticketCursor
            if was.role == now.role, !cursor, let x = columns.countdownX {
                // only the countdown's text moved: write it alone, where a full row puts it
                let (role, countdown) = clock(open, at: state.now, wide: columns.wide, strings: state.strings)
                canvas.write(Columns.pad(countdown, to: columns.countdownWidth, align: .right), x: x, y: y, clip: inner,
                             style: Style(role, bold: role == .alarm))
            } else {
                canvas.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: Style(.normal))
                drawRow(&canvas, state, index: index, y: y, inner: inner, columns: columns)
            }
            drawn.append(y..<(y + 1))
        }
        return drawn
    }

    /// Draws again only the rows whose ticket or clock moved between `old` (drawn on the canvas)
    /// and `state`, with the title and the "N more" line; returns the rows drawn, or nil when
    /// the whole pane must be drawn (the operator is in the pane, or its columns moved).
    static func drawMovedRows(_ canvas: inout Canvas, _ state: WallState, from old: WallState, in rect: Rect) -> [Range<Int>]? {
        let inner = rect.inset(by: 1)
        guard !inner.isEmpty, state.focus != .tickets, old.focus != .tickets else { return nil }
        let window = ListWindow(total: state.ticketCount, height: inner.height, cursor: state.ticketCursor)
        let oldWindow = ListWindow(total: old.ticketCount, height: inner.height, cursor: old.ticketCursor)
        let columns = RowColumns(state, inner: inner, rows: window.rows)
        // (the language and the categories are the same: `panesMoved` saw to it; only the
        // longest ticket number shown can move the columns)
        guard columns.idWidth == RowColumns.idWidth(old, rows: oldWindow.rows) else { return nil }
        var drawn = drawTitle(&canvas, state, in: rect)
        // where each ticket shown before was: a ticket that only moved up or down the list
        // (one came in or went out above it) is copied from its old row, not drawn again
        var oldRows: [ObjectIdentifier: Int] = [:]
        for row in 0..<min(oldWindow.count, inner.height) {
            if let was = old.ticket(atRow: oldWindow.start + row) { oldRows[ObjectIdentifier(was)] = row }
        }
        var before: Canvas.Piece?
        let tagged = { (s: WallState, open: Overview.OpenTicket) in s.overview.joint.waiting.contains(open.id) }
        for row in 0..<inner.height {
            let now = row < window.count ? state.ticket(atRow: window.start + row) : nil
            let was = row < oldWindow.count ? old.ticket(atRow: oldWindow.start + row) : nil
            let moreLine = row == window.count || row == oldWindow.count
            if !moreLine, now === was, now.map({ clockKey($0, at: state.now) == clockKey($0, at: old.now) && tagged(state, $0) == tagged(old, $0) }) ?? true {
                continue
            }
            let y = inner.y + row
            drawn.append(y..<(y + 1))
            if !moreLine, let now, let from = oldRows[ObjectIdentifier(now)], from != row, tagged(state, now) == tagged(old, now),
               let x = columns.countdownX {
                let (was, key) = (clockKey(now, at: old.now), clockKey(now, at: state.now))
                if was.role == key.role {
                    // (the piece is taken before the first row inside the pane changes)
                    if before == nil { before = canvas.piece(inner) }
                    if let before { canvas.paste(row: from, of: before, at: y) }
                    if was != key {
                        let (role, countdown) = clock(now, at: state.now, wide: columns.wide, strings: state.strings)
                        canvas.write(Columns.pad(countdown, to: columns.countdownWidth, align: .right), x: x, y: y, clip: inner,
                                     style: Style(role, bold: role == .alarm))
                    }
                    continue
                }
            }
            if before == nil { before = canvas.piece(inner) }
            canvas.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: Style(.normal))
            if now != nil { drawRow(&canvas, state, index: window.start + row, y: y, inner: inner, columns: columns) }
        }
        window.drawMore(&canvas, in: inner, strings: state.strings)
        return drawn
    }

    /// Column widths shared by every row of the pane: they follow the language's longest
    /// label, each with a space after it.
    struct RowColumns {
        let wide: Bool
        let categoryWidth: Int
        let stateWidth: Int
        let countdownWidth: Int
        /// The longest ticket number shown (6 to 10 columns: a city's run to seven digits).
        let idWidth: Int
        /// Every column before the title (mark, id, grid, category, state) with its space.
        let leading: Int
        /// Where the countdown starts, when the row has room for all of it (it ends the row).
        let countdownX: Int?

        init(_ state: WallState, inner: Rect, rows: Range<Int>) {
            let s = state.strings
            wide = inner.width >= 60
            idWidth = Self.idWidth(state, rows: rows)
            let categories = state.overview.categories.map { s.categoryName($0.nameZh, $0.nameEn) }
            categoryWidth = min(14, categories.map(DisplayWidth.of).max() ?? 8) + 1
            stateWidth = (TicketState.allCases.map { DisplayWidth.of(s.state($0)) }.max() ?? 6) + 1
            countdownWidth = wide ? 14 : 8
            leading = 2 + 11 + (wide ? idWidth + 1 + categoryWidth + stateWidth : 0)
            countdownX = inner.width - leading - countdownWidth - 1 >= 0 ? inner.maxX - countdownWidth : nil
        }

        /// The longest ticket number among `rows` (6 to 10 columns).
        static func idWidth(_ state: WallState, rows: Range<Int>) -> Int {
            min(10, max(6, rows.compactMap { state.ticket(atRow: $0).map { DisplayWidth.of($0.id) } }.max() ?? 6))
        }
    }

    private static func drawRow(_ canvas: inout Canvas, _ state: WallState, index: Int, y: Int, inner: Rect, columns: RowColumns) {
        let s = state.strings
        let wide = columns.wide
        guard let open = state.ticket(atRow: index) else { return }
        let (role, countdown) = clock(open, at: state.now, wide: wide, strings: s)
        let mark = role == .alarm ? canvas.glyphs[.alarmMark] : (role == .attention ? canvas.glyphs[.attentionMark] : " ")
        let style = Style(role, bold: role == .alarm)
        let ticket = open.ticket
        let countdownWidth = columns.countdownWidth
        var runs: [(String, Style)] = [(mark + " ", style)]
        if wide {
            // the number in the grid's colour, the category and state muted: two colour changes a
            // row, not four (a row is drawn again whenever the list moves under it)
            runs.append((Columns.pad(ticket.id, to: columns.idWidth) + " ", Style(.normal)))
        }
        runs.append((Columns.pad(open.gridName, to: 10) + " ", Style(.normal)))
        if wide {
            let category = open.category.map { s.categoryName($0.nameZh, $0.nameEn) } ?? ticket.categoryCode
            runs.append((Columns.pad(category, to: columns.categoryWidth - 1) + " ", Style(.muted)))
            runs.append((Columns.pad(s.state(ticket.state), to: columns.stateWidth - 1) + " ", Style(.muted)))
        }
        var titleWidth = max(0, inner.width - columns.leading - countdownWidth - 1)
        if wide, state.overview.joint.waiting.contains(ticket.id) {
            // waiting on an outside party (联动): a tag before the title
            let tag = state.language.jointStrings.waitingTag + " "
            runs.append((tag, Style(.label)))
            titleWidth = max(0, titleWidth - DisplayWidth.of(tag))
        }
        runs.append((Columns.pad(ticket.title, to: titleWidth) + " ", Style(.normal)))
        runs.append((Columns.pad(countdown, to: countdownWidth, align: .right), style))
        canvas.write(runs: runs, x: inner.x, y: y, clip: inner)
        if state.focus == .tickets, index == state.ticketCursor { canvas.cursorRow(y, in: inner) }
    }

    /// What `clock` shows at `now`, as numbers: equal keys mean equal colour and text (it
    /// formats nothing, so a second's check of every visible row costs next to nothing).
    static func clockKey(_ open: Overview.OpenTicket, at now: Date) -> ClockKey {
        guard let left = open.secondsLeft(at: now) else { return ClockKey(role: .normal, late: false, unit: 0, value: -1) }
        let role = role(open, secondsLeft: left)
        let seconds = Int(abs(left).rounded(.down))
        // Formatting.countdown: seconds under ten minutes, whole minutes from there
        return abs(left) < 600
            ? ClockKey(role: role, late: left < 0, unit: 1, value: seconds)
            : ClockKey(role: role, late: left < 0, unit: 60, value: seconds / 60)
    }

    struct ClockKey: Equatable {
        var role: Role
        var late: Bool
        var unit: Int
        var value: Int
    }

    /// A row's colour and countdown at `now`: the parts of the pane that move with the clock.
    static func clock(_ open: Overview.OpenTicket, at now: Date, wide: Bool, strings s: UIStrings) -> (Role, String) {
        guard let left = open.secondsLeft(at: now) else { return (.normal, "—") }
        let role = role(open, secondsLeft: left)
        if wide { return (role, left < 0 ? s.late(Formatting.countdown(left)) : s.left(Formatting.countdown(left))) }
        return (role, (left < 0 ? "-" : "") + Formatting.countdown(left))
    }

    /// Past the deadline in the alarm colour, in its last fifth in the attention colour.
    private static func role(_ open: Overview.OpenTicket, secondsLeft left: TimeInterval) -> Role {
        let allowance = open.category?.allowance(for: open.ticket.state) ?? 0
        let near = StatusRules.isNearDeadline(secondsLeft: left, allowanceMinutes: allowance)
        return left < 0 ? .alarm : (near ? .attention : .normal)
    }
}
