import Foundation
import DoorstepCanvas
import DoorstepDomain

/// Open tickets, most urgent first, with a live countdown to each stage's deadline.
enum TicketsPane {
    static func draw(_ canvas: inout Canvas, _ state: WallState, in rect: Rect) {
        let s = state.strings
        let overview = state.overview
        let f = overview.figures
        let inner = canvas.pane(rect, title: "\(s.openTickets) · \(f.openTickets) · \(s.overdue) \(f.overdue)", focused: state.focus == .tickets)
        guard !inner.isEmpty else { return }
        let wide = inner.width >= 60
        let tickets = overview.openTickets
        // column widths follow the language's longest label, each with a space after it
        let categories = overview.categories.map { s.categoryName($0.nameZh, $0.nameEn) }
        let categoryWidth = min(14, categories.map(DisplayWidth.of).max() ?? 8) + 1
        let stateWidth = (TicketState.allCases.map { DisplayWidth.of(s.state($0.rawValue)) }.max() ?? 6) + 1
        let window = ListWindow(total: tickets.count, height: inner.height, cursor: state.ticketCursor)
        for (row, index) in window.rows.enumerated() {
            let open = tickets[index]
            let (role, countdown) = clock(open, at: state.now, wide: wide, strings: s)
            let mark = role == .alarm ? "■" : (role == .attention ? "▲" : " ")
            let style = Style(role, bold: role == .alarm)
            let ticket = open.ticket
            let countdownWidth = wide ? 14 : 8
            var runs: [(String, Style)] = [(mark + " ", style)]
            if wide {
                runs.append((Columns.pad(ticket.id, to: 6) + " ", Style(.muted)))
            }
            runs.append((Columns.pad(open.gridName, to: 10) + " ", Style(.normal)))
            if wide {
                let category = open.category.map { s.categoryName($0.nameZh, $0.nameEn) } ?? ticket.categoryCode
                runs.append((Columns.pad(category, to: categoryWidth - 1) + " ", Style(.muted)))
                runs.append((Columns.pad(s.state(ticket.state.rawValue), to: stateWidth - 1) + " ", Style(.muted)))
            }
            let used = runs.reduce(0) { $0 + DisplayWidth.of($1.0) }
            let titleWidth = max(0, inner.width - used - countdownWidth - 1)
            runs.append((Columns.pad(ticket.title, to: titleWidth) + " ", Style(.normal)))
            runs.append((Columns.pad(countdown, to: countdownWidth, align: .right), style))
            canvas.write(runs: runs, x: inner.x, y: inner.y + row, clip: inner)
            if state.focus == .tickets, index == state.ticketCursor { canvas.cursorRow(inner.y + row, in: inner) }
        }
        window.drawMore(&canvas, in: inner, strings: s)
    }

    /// A row's colour and countdown at `now`: the parts of the pane that move with the clock.
    static func clock(_ open: Overview.OpenTicket, at now: Date, wide: Bool, strings s: UIStrings) -> (Role, String) {
        guard let left = open.secondsLeft(at: now) else { return (.normal, "—") }
        let allowance = open.category?.allowance(for: open.ticket.state) ?? 0
        let near = StatusRules.isNearDeadline(secondsLeft: left, allowanceMinutes: allowance)
        let role: Role = left < 0 ? .alarm : (near ? .attention : .normal)
        if wide { return (role, left < 0 ? s.late(Formatting.countdown(left)) : s.left(Formatting.countdown(left))) }
        return (role, (left < 0 ? "-" : "") + Formatting.countdown(left))
    }

    /// True when a visible row would look different at `now` than at `before`.
    static func movesWithClock(_ state: WallState, from before: Date, in rect: Rect) -> Bool {
        let inner = rect.inset(by: 1)
        guard !inner.isEmpty else { return false }
        let tickets = state.overview.openTickets
        let window = ListWindow(total: tickets.count, height: inner.height, cursor: state.ticketCursor)
        let wide = inner.width >= 60
        return window.rows.contains { index in
            let a = clock(tickets[index], at: before, wide: wide, strings: state.strings)
            let b = clock(tickets[index], at: state.now, wide: wide, strings: state.strings)
            return a.0 != b.0 || a.1 != b.1
        }
    }
}
